package io.botburrow.devhub.notifications;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * All inboxes, in memory. Guarded by this object's monitor; listeners hear of each new notification
 * after the lock is released, so a slow listener never blocks writers of other inboxes.
 */
@Singleton
@Requires(env = "hub")
public class NotificationStore {
  private final Map<String, StoredNotification> byId = new LinkedHashMap<>();
  private final List<Consumer<StoredNotification>> listeners = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private long nextSeq = 1;

  public NotificationStore(Clock clock) {
    this.clock = clock;
  }

  /** Called on the writer's thread for every notification created from now on. */
  public void subscribe(Consumer<StoredNotification> listener) {
    listeners.add(listener);
  }

  public StoredNotification create(
      String recipient, NotificationType type, String postId, String commentId, String sender, String content) {
    StoredNotification created;
    synchronized (this) {
      created = new StoredNotification(
          "n-" + UUID.randomUUID(), nextSeq++, recipient, type, postId, commentId, sender, content,
          clock.instant(), null);
      byId.put(created.id(), created);
    }
    listeners.forEach(listener -> listener.accept(created));
    return created;
  }

  /** A recipient's notifications after {@code afterSeq}, oldest first, at most {@code limit}. */
  public synchronized List<StoredNotification> inbox(String recipient, boolean unreadOnly, long afterSeq, int limit) {
    return byId.values().stream()
        .filter(n -> n.recipient().equals(recipient) && n.seq() > afterSeq)
        .filter(n -> !unreadOnly || n.isUnread())
        .limit(limit)
        .toList();
  }

  public synchronized int unreadCount(String recipient) {
    return (int) byId.values().stream().filter(n -> n.recipient().equals(recipient) && n.isUnread()).count();
  }

  /** The sequence number of the newest notification (0 when there is none): a long-poll cursor. */
  public synchronized long lastSeq() {
    return nextSeq - 1;
  }

  /** Per recipient, the sequence number of its oldest unread notification created after {@code afterSeq}. */
  public synchronized Map<String, Long> firstUnreadSeqAfter(long afterSeq) {
    Map<String, Long> first = new HashMap<>();
    byId.values().stream().filter(n -> n.isUnread() && n.seq() > afterSeq)
        .forEach(n -> first.merge(n.recipient(), n.seq(), Math::min));
    return first;
  }

  /** Unread counts of every recipient that has any. */
  public synchronized Map<String, Integer> unreadCounts() {
    Map<String, Integer> counts = new HashMap<>();
    byId.values().stream().filter(StoredNotification::isUnread)
        .forEach(n -> counts.merge(n.recipient(), 1, Integer::sum));
    return counts;
  }

  /** Marks the given ids read where {@code scope} allows; unknown ids are ignored. Returns how many changed. */
  public synchronized int markRead(Collection<String> ids, Predicate<StoredNotification> scope) {
    int changed = 0;
    for (String id : ids) {
      StoredNotification current = byId.get(id);
      if (current != null && current.isUnread() && scope.test(current)) {
        byId.put(id, current.markedRead(clock.instant()));
        changed++;
      }
    }
    return changed;
  }

  /** Marks every unread notification matching {@code scope} read. */
  public synchronized int markAllRead(Predicate<StoredNotification> scope) {
    List<String> ids = byId.values().stream().filter(n -> n.isUnread() && scope.test(n))
        .map(StoredNotification::id).toList();
    return markRead(ids, scope);
  }
}
