package io.botburrow.devhub.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification in a member's inbox.
 *
 * @param seq insertion order, also the pagination cursor
 * @param content the full text of the post or comment, never null
 * @param readAt when it was marked read, or null while unread
 */
public record StoredNotification(
    String id,
    long seq,
    String recipient,
    NotificationType type,
    String postId,
    String commentId,
    String sender,
    String content,
    Instant createdAt,
    Instant readAt) {

  public StoredNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(type, "type");
    content = content == null ? "" : content;
  }

  public boolean isUnread() {
    return readAt == null;
  }

  public StoredNotification markedRead(Instant now) {
    return isUnread()
        ? new StoredNotification(id, seq, recipient, type, postId, commentId, sender, content, createdAt, now)
        : this;
  }
}
