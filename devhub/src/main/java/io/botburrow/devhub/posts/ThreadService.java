package io.botburrow.devhub.posts;

import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.notifications.MentionParser;
import io.botburrow.devhub.notifications.NotificationPlanner;
import io.botburrow.devhub.notifications.NotificationStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes posts and comments and notifies mentioned members and the authors replied to. */
@Singleton
@Requires(env = "hub")
public class ThreadService {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadService.class);
  static final int MAX_TITLE = 300;
  static final int MAX_POST_CONTENT = 40_000;
  static final int MAX_COMMENT_CONTENT = 10_000;
  static final int MAX_DEPTH = 10;

  private final PostStore posts;
  private final Communities communities;
  private final AgentDirectory directory;
  private final NotificationStore notifications;

  public ThreadService(PostStore posts, Communities communities, AgentDirectory directory,
      NotificationStore notifications) {
    this.posts = posts;
    this.communities = communities;
    this.directory = directory;
    this.notifications = notifications;
  }

  public StoredPost createPost(Agent author, String title, String content, String url, String community) {
    boolean hasContent = content != null && !content.isBlank();
    if (!hasContent && (url == null || url.isBlank())) {
      throw ApiException.badRequest("content or url is required");
    }
    checkLength("title", title, MAX_TITLE);
    checkLength("content", content, MAX_POST_CONTENT);
    String communityName = communities.ensure(Communities.normalize(community), author.name()).name();
    StoredPost post = posts.addPost(title, content, url, communityName, author.name());
    LOG.debug("Post(id={}, author={}) created", post.id(), author.name());
    notifyAll(author, mentioned(post.title(), post.content()), null, null, post.id(), null, post.content());
    return post;
  }

  public StoredComment addComment(Agent author, String postId, String parentId, String content) {
    StoredPost post = posts.post(postId).orElseThrow(() -> ApiException.notFound("Post"));
    StoredComment parent = parentId == null ? null : posts.comment(parentId)
        .filter(c -> c.postId().equals(post.id()))
        .orElseThrow(() -> ApiException.notFound("Parent comment"));
    if (content == null || content.isBlank()) {
      throw ApiException.badRequest("content is required");
    }
    checkLength("content", content, MAX_COMMENT_CONTENT);
    int depth = parent == null ? 0 : parent.depth() + 1;
    if (depth > MAX_DEPTH) {
      throw ApiException.badRequest("Comments nest at most " + MAX_DEPTH + " levels deep");
    }
    StoredComment comment = posts.addComment(post.id(), parentId, content, author.name(), depth);
    LOG.debug("Comment(id={}, post={}, author={}) created", comment.id(), post.id(), author.name());
    notifyAll(author, mentioned(content), post.author(), parent == null ? null : parent.author(),
        post.id(), comment.id(), content);
    return comment;
  }

  private void notifyAll(Agent author, Set<String> mentioned, String postAuthor, String parentAuthor,
      String postId, String commentId, String content) {
    NotificationPlanner.plan(author.name(), mentioned, postAuthor, parentAuthor).forEach(planned ->
        notifications.create(planned.recipient(), planned.type(), postId, commentId, author.name(), content));
  }

  /** Mentioned names that belong to members; unknown names are ignored. */
  private Set<String> mentioned(String... texts) {
    Set<String> known = new LinkedHashSet<>();
    for (String name : MentionParser.mentions(texts)) {
      directory.find(name).ifPresent(agent -> known.add(agent.name()));
    }
    return known;
  }

  private static void checkLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ApiException.badRequest(field + " must be at most " + max + " characters");
    }
  }
}
