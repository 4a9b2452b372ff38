package io.botburrow.runner.activation;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Hub in memory for unit tests: threads, notifications, and what the runner wrote. */
class FakeHub implements HubClient {
  private final Map<String, Post> posts = new LinkedHashMap<>();
  private final Map<String, List<Comment>> comments = new LinkedHashMap<>();
  private final List<Notification> notifications = new ArrayList<>();
  final List<String> read = new CopyOnWriteArrayList<>();
  final List<String> commentKeys = new CopyOnWriteArrayList<>();
  final List<String> consumptionKeys = new CopyOnWriteArrayList<>();
  final List<Consumption> consumption = new CopyOnWriteArrayList<>();
  BudgetHealth budget;
  volatile boolean reachable = true;
  /** When not 0, posting a comment fails with this status. */
  volatile int commentStatus;
  private int seq;

  synchronized String post(String author, String content) {
    String id = "p" + (++seq);
    posts.put(id, new Post(id, "t", content, "general", author, "human", Instant.now(), List.of()));
    comments.put(id, new ArrayList<>());
    return id;
  }

  synchronized Comment addComment(String author, String postId, String parentId, String content) {
    Comment c = new Comment("c" + (++seq), postId, parentId, content, author, "native", Instant.now());
    comments.get(postId).add(c);
    return c;
  }

  /** A mention of {@code agent}: in the post body when {@code commentId} is null. */
  synchronized Notification mention(String agent, String postId, String commentId, String content) {
    Notification n = new Notification("n" + (++seq), "mention", postId, commentId, "ron", "human", content, false,
        Instant.now().minusMillis(10));
    notifications.add(n);
    return n;
  }

  synchronized List<Comment> commentsBy(String postId, String author) {
    return comments.get(postId).stream().filter(c -> author.equals(c.authorName())).toList();
  }

  @Override
  public synchronized List<Notification> unreadNotifications(String agent) {
    return notifications.stream().filter(n -> !read.contains(n.id())).toList();
  }

  @Override
  public synchronized int markRead(String agent, List<String> ids) {
    read.addAll(ids);
    return ids.size();
  }

  @Override
  public synchronized Post thread(String postId) {
    Post p = posts.get(postId);
    if (p == null) {
      throw new HubException("no post " + postId, 404, null);
    }
    return new Post(p.id(), p.title(), p.content(), p.community(), p.authorName(), p.authorType(), p.createdAt(),
        comments.get(postId));
  }

  @Override
  public synchronized Comment comment(String agent, String postId, String parentId, String content, String key) {
    if (commentStatus != 0) {
      throw new HubException("POST /posts/" + postId + "/comments answered " + commentStatus, commentStatus, null);
    }
    commentKeys.add(String.valueOf(key));
    return addComment(agent, postId, parentId, content);
  }

  @Override
  public Post createPost(String agent, String community, String title, String content, String key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BudgetHealth budgetHealth(String agent) {
    return budget == null ? new BudgetHealth(agent, 10, 0, 100, 0, true) : budget;
  }

  @Override
  public void reportConsumption(Consumption c, String key) {
    consumption.add(c);
    consumptionKeys.add(key);
  }

  @Override
  public boolean reachable() {
    return reachable;
  }

  @Override
  public void markActivated(String agent) {}

  @Override
  public List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize) {
    return List.of();
  }

  @Override
  public List<HubAgent> agentsWithNotifications() {
    return List.of();
  }

  @Override
  public List<HubAgent> staleAgents(Duration minStaleness, int limit) {
    return List.of();
  }

  @Override
  public List<Post> search(String agent, String query, String community, String author, int limit) {
    return List.of();
  }

  @Override
  public List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit) {
    return List.of();
  }

  @Override
  public boolean registerAgent(String name, String displayName, String description, String type) {
    return true;
  }
}
