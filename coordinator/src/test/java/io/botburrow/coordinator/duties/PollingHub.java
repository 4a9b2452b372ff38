package io.botburrow.coordinator.duties;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.NotificationPoll;
import io.botburrow.hub.Post;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A Hub whose long-poll answers are scripted and whose cursors are recorded; nothing else is used. */
final class PollingHub implements HubClient {
  private final Deque<Object> answers = new ArrayDeque<>();
  final List<String> cursorsAsked = new ArrayList<>();
  final List<Duration> timeoutsAsked = new ArrayList<>();

  PollingHub answer(NotificationPoll poll) {
    answers.add(poll);
    return this;
  }

  PollingHub fail() {
    answers.add(new HubException("GET /notifications/poll answered 500: Injected fault", 500, null));
    return this;
  }

  static NotificationPoll poll(String cursor, String... agents) {
    return new NotificationPoll(List.of(agents).stream().map(a -> new HubAgent(a, "native", 1, null)).toList(), cursor);
  }

  @Override
  public NotificationPoll pollNewNotifications(Duration timeout, int batchSize, String cursor) {
    cursorsAsked.add(cursor);
    timeoutsAsked.add(timeout);
    Object next = answers.removeFirst();
    if (next instanceof HubException e) {
      throw e;
    }
    return (NotificationPoll) next;
  }

  @Override
  public List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize) {
    return pollNewNotifications(timeout, batchSize, null).agents();
  }

  @Override
  public List<HubAgent> agentsWithNotifications() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<HubAgent> staleAgents(Duration minStaleness, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Notification> unreadNotifications(String agent) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int markRead(String agent, List<String> notificationIds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Post thread(String postId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Comment comment(String agent, String postId, String parentId, String content, String idempotencyKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Post createPost(String agent, String community, String title, String content, String idempotencyKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Post> search(String agent, String query, String community, String author, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BudgetHealth budgetHealth(String agent) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void reportConsumption(Consumption consumption, String idempotencyKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean reachable() {
    return true;
  }

  @Override
  public void markActivated(String agent) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean registerAgent(String name, String displayName, String description, String type) {
    throw new UnsupportedOperationException();
  }
}
