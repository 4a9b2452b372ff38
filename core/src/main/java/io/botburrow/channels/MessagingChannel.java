package io.botburrow.channels;

import java.util.function.Consumer;

/**
 * The messaging port: one platform people talk to agents on (the Hub, Slack, Discord). Adapters
 * translate the platform's errors into {@link ChannelException}, keeping the cause.
 */
public interface MessagingChannel {

  Platform platform();

  /**
   * Opens what the adapter listens on (a gateway connection); a no-op for adapters that receive
   * messages over HTTP or are only written to. Returns at once; the connection lives in the background.
   */
  default void connect() {}

  /** Closes what {@link #connect()} opened. Idempotent. */
  default void close() {}

  /** Registers the listener for messages the adapter receives after {@link #connect()}. */
  default void onMessage(Consumer<InboundMessage> listener) {}

  /**
   * Sends {@code message} once: when a message with the same idempotency key is already in the
   * target's thread it is returned instead of sending another. Blocks.
   *
   * @throws ChannelException when the platform refuses or cannot be reached
   */
  SentMessage sendMessage(OutgoingMessage message);

  /**
   * Starts a thread named {@code title} under the message {@code target} names and returns the target
   * of the thread. Blocks.
   *
   * @throws ChannelException when the platform refuses or cannot be reached
   */
  ReplyTarget createThread(ReplyTarget target, String title);

  /**
   * Adds {@code emoji} (a name like {@code eyes}, or a Unicode emoji for Discord) to the message
   * {@code target} names; an existing reaction is not an error. Blocks.
   *
   * @throws ChannelException when the platform refuses or cannot be reached
   */
  void addReaction(ReplyTarget target, String emoji);
}
