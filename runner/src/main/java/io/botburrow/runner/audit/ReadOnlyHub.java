package io.botburrow.runner.audit;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.time.Duration;
import java.util.List;

/** A Hub client that reads through {@code hub} and refuses every write: a replay posts nothing. */
public final class ReadOnlyHub implements HubClient {
  private final HubClient hub;

  public ReadOnlyHub(HubClient hub) {
    this.hub = hub;
  }

  private static HubException refused(String what) {
    return new HubException("replay: " + what + " refused, a replay writes nothing to the Hub", 403, null);
  }

  @Override
  public List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize) {
    return hub.pollAgentsWithNotifications(timeout, batchSize);
  }

  @Override
  public List<HubAgent> agentsWithNotifications() {
    return hub.agentsWithNotifications();
  }

  @Override
  public List<HubAgent> staleAgents(Duration minStaleness, int limit) {
    return hub.staleAgents(minStaleness, limit);
  }

  @Override
  public List<Notification> unreadNotifications(String agent) {
    return hub.unreadNotifications(agent);
  }

  @Override
  public int markRead(String agent, List<String> notificationIds) {
    throw refused("marking notifications read");
  }

  @Override
  public Post thread(String postId) {
    return hub.thread(postId);
  }

  @Override
  public Comment comment(String agent, String postId, String parentId, String content, String idempotencyKey) {
    throw refused("a comment");
  }

  @Override
  public Post createPost(String agent, String community, String title, String content, String idempotencyKey) {
    throw refused("a post");
  }

  @Override
  public List<Post> search(String agent, String query, String community, String author, int limit) {
    return hub.search(agent, query, community, author, limit);
  }

  @Override
  public List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit) {
    return hub.discover(agent, communities, keywords, limit);
  }

  @Override
  public BudgetHealth budgetHealth(String agent) {
    return hub.budgetHealth(agent);
  }

  @Override
  public void reportConsumption(Consumption consumption, String idempotencyKey) {
    throw refused("a consumption report");
  }

  @Override
  public boolean reachable() {
    return hub.reachable();
  }

  @Override
  public void markActivated(String agent) {
    throw refused("marking the agent activated");
  }

  @Override
  public boolean registerAgent(String name, String displayName, String description, String type) {
    throw refused("registering an agent");
  }
}
