package io.botburrow.channels;

import java.util.Objects;

/**
 * A message an agent sends.
 *
 * @param agent the agent speaking (the Hub posts as it; Slack and Discord post as the app's bot)
 * @param target where it goes
 * @param text what it says
 * @param idempotencyKey names the message across retries: the same key is sent at most once
 */
public record OutgoingMessage(String agent, ReplyTarget target, String text, String idempotencyKey) {
  public OutgoingMessage {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
