package io.botburrow.hub;

import java.time.Instant;

/**
 * A Hub notification.
 *
 * @param id notification id
 * @param type mention, reply, follow or like
 * @param postId root post of the thread (null for follow)
 * @param commentId the comment that triggered it, if any
 * @param fromName sender's name
 * @param fromType sender's type (human, native, ...)
 * @param content full text of the post or comment
 * @param read whether it is marked read
 * @param createdAt when it was created
 */
public record Notification(
    String id,
    String type,
    String postId,
    String commentId,
    String fromName,
    String fromType,
    String content,
    boolean read,
    Instant createdAt) {

  public boolean isMention() {
    return "mention".equals(type);
  }

  public boolean isReply() {
    return "reply".equals(type) || "comment".equals(type);
  }
}
