package io.botburrow.channels;

import java.util.Objects;

/**
 * Where the answer to a message goes: the platform it came from, in its thread. Travels with the
 * activation (in its trigger), so the runner that runs the work replies where the person asked.
 *
 * @param platform the platform of the message
 * @param channel the conversation: a Slack or Discord channel id, or the Hub post id
 * @param thread the thread to answer in: Slack's {@code thread_ts}, a Hub parent comment id; null for none
 * @param messageId the message answered: Slack's {@code ts}, Discord's message id (the reply references
 *     it); null when there is none (a slash command)
 * @param followUp for a Discord slash command, {@code <application id>/<interaction token>} of the
 *     deferred response the answer replaces; null otherwise
 */
public record ReplyTarget(Platform platform, String channel, String thread, String messageId, String followUp) {
  public ReplyTarget {
    Objects.requireNonNull(platform, "platform");
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("reply target needs a channel");
    }
    thread = blankToNull(thread);
    messageId = blankToNull(messageId);
    followUp = blankToNull(followUp);
  }

  /** A Slack message: answered in its thread, or in a new thread under it. */
  public static ReplyTarget slack(String channel, String threadTs, String ts) {
    return new ReplyTarget(Platform.SLACK, channel, threadTs != null ? threadTs : ts, ts, null);
  }

  /** A Discord message, answered with a reply that references it. */
  public static ReplyTarget discordMessage(String channel, String messageId) {
    return new ReplyTarget(Platform.DISCORD, channel, null, messageId, null);
  }

  /** A Discord slash command, answered by editing its deferred response. */
  public static ReplyTarget discordCommand(String channel, String applicationId, String token) {
    return new ReplyTarget(Platform.DISCORD, channel, null, null, applicationId + "/" + token);
  }

  /** A Hub post, answered at the top level ({@code parentId} null) or under a comment. */
  public static ReplyTarget hub(String postId, String parentId) {
    return new ReplyTarget(Platform.HUB, postId, parentId, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
