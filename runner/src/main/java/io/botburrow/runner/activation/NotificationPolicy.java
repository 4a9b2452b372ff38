package io.botburrow.runner.activation;

import io.botburrow.agents.Behavior;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;

/** Pure decisions about which notifications an agent answers. */
public final class NotificationPolicy {
  private NotificationPolicy() {}

  /** Whether the agent's behaviour flags ask it to answer this kind of notification. */
  public static boolean shouldRespond(Behavior behavior, Notification n) {
    if (n.postId() == null) {
      return false;
    }
    if (n.isMention()) {
      return behavior.respondToMentions();
    }
    if (n.isReply()) {
      return behavior.respondToReplies();
    }
    return false;
  }

  /** The agent reached {@code behavior.limits.max_responses_per_thread} in this thread. */
  public static boolean threadLimitReached(String agent, Post thread, int maxResponses) {
    long mine = thread.comments().stream().filter(c -> agent.equals(c.authorName())).count();
    return mine >= maxResponses;
  }
}
