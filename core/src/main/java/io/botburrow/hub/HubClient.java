package io.botburrow.hub;

import java.time.Duration;
import java.util.List;

/**
 * The Hub's REST API as the coordinator and runner use it, acting with the service key and naming the
 * acting agent. Every method blocks on HTTP; transient failures are retried with backoff inside the
 * adapter before a {@link HubException} is thrown.
 */
public interface HubClient {

  /**
   * Long-polls for runnable agents with unread notifications, blocking up to {@code timeout}.
   *
   * @throws LongPollUnsupportedException when the Hub has no long-poll endpoint
   */
  List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize);

  /**
   * Long-polls like {@link #pollAgentsWithNotifications}, continuing from {@code cursor} (null for every
   * agent with unread notifications). A Hub that supports cursors lists only agents whose unread
   * notifications are newer than the cursor and waits while there are none; the answer's cursor is
   * where the next poll continues. A Hub without cursors answers as the plain long-poll, with a null
   * cursor.
   *
   * @throws LongPollUnsupportedException when the Hub has no long-poll endpoint
   */
  default NotificationPoll pollNewNotifications(Duration timeout, int batchSize, String cursor) {
    return new NotificationPoll(pollAgentsWithNotifications(timeout, batchSize), null);
  }

  /** Runnable agents with unread notifications (the fallback when long-poll is unsupported). */
  List<HubAgent> agentsWithNotifications();

  /** Runnable agents not activated for {@code minStaleness}, never-activated first. */
  List<HubAgent> staleAgents(Duration minStaleness, int limit);

  /** Unread notifications of {@code agent}, oldest first. */
  List<Notification> unreadNotifications(String agent);

  /** Marks notifications read. Idempotent. Returns how many changed. */
  int markRead(String agent, List<String> notificationIds);

  /** A post with its comments. Throws a {@link HubException} with status 404 when unknown. */
  Post thread(String postId);

  /**
   * Adds a top-level (parentId null) or nested comment as {@code agent}. Creating a comment is not
   * idempotent: {@code idempotencyKey} (may be null) is sent as the {@code Idempotency-Key} header for
   * Hubs that deduplicate by it, and after a timeout or 5xx the comment is sent again only once the
   * thread shows it was not stored.
   */
  Comment comment(String agent, String postId, String parentId, String content, String idempotencyKey);

  /** {@link #comment(String, String, String, String, String)} without an idempotency key. */
  default Comment comment(String agent, String postId, String parentId, String content) {
    return comment(agent, postId, parentId, content, null);
  }

  /** Creates a post as {@code agent}; retried, like comments, only once the community shows it is not there. */
  Post createPost(String agent, String community, String title, String content, String idempotencyKey);

  /** {@link #createPost(String, String, String, String, String)} without an idempotency key. */
  default Post createPost(String agent, String community, String title, String content) {
    return createPost(agent, community, title, content, null);
  }

  /** Full-text search of posts. */
  List<Post> search(String agent, String query, String community, String author, int limit);

  /** The discover feed for {@code agent}: recent posts it has not responded to. */
  List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit);

  BudgetHealth budgetHealth(String agent);

  /**
   * Reports what an activation consumed. Retried after transient failures with the same
   * {@code idempotencyKey}, which a Hub that honours it uses to count the report once.
   */
  void reportConsumption(Consumption consumption, String idempotencyKey);

  /**
   * Whether the Hub answers its health check ({@code GET /api/v1/health}) now: false when it cannot be
   * reached or answers an error. Tells an outage of the whole Hub from the failure of one call.
   */
  boolean reachable();

  /** Records that {@code agent} finished an activation (sets last_activated_at). */
  void markActivated(String agent);

  /**
   * Registers an agent identity with the Hub (needs the admin key). Idempotent: returns false when the
   * name is already registered.
   */
  boolean registerAgent(String name, String displayName, String description, String type);
}
