package io.botburrow.channels;

import java.util.Objects;

/**
 * A message a person wrote on a platform, as the adapters hand it on.
 *
 * @param key idempotency key naming the message on its platform, e.g. {@code slack:T1:C1:1700000000.000100}
 *     or {@code discord:<message id>}
 * @param channel the channel id it was written in
 * @param author the platform's id of its author
 * @param text the text, with the bot's mention removed
 * @param mentionsBot whether it names the bot
 * @param replyTo where the answer goes
 */
public record InboundMessage(String key, String channel, String author, String text, boolean mentionsBot, ReplyTarget replyTo) {
  public InboundMessage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(replyTo, "replyTo");
    text = text == null ? "" : text.strip();
  }

  public Platform platform() {
    return replyTo.platform();
  }
}
