package io.botburrow.channels.hub;

import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubClient;

/**
 * The Hub as a messaging channel: a message is a comment on a post ({@link ReplyTarget#channel()} the
 * post id, {@link ReplyTarget#thread()} the parent comment or null), sent with the Hub's Idempotency-Key,
 * so a repeated key returns the first comment. Mentions come in through the coordinator's notification
 * watcher, not through {@link #onMessage}; answers to them and to triggered work go out through this
 * adapter. Errors are the Hub client's {@link io.botburrow.hub.HubException}.
 */
public final class HubChannel implements MessagingChannel {
  private final HubClient hub;

  public HubChannel(HubClient hub) {
    this.hub = hub;
  }

  @Override
  public Platform platform() {
    return Platform.HUB;
  }

  @Override
  public SentMessage sendMessage(OutgoingMessage message) {
    return new SentMessage(comment(message).id(), false);
  }

  /**
   * {@link #sendMessage} for callers that need the Hub's comment itself (an answer to a mention, whose
   * ledger and thread checks speak of comments).
   */
  public Comment comment(OutgoingMessage message) {
    ReplyTarget to = message.target();
    return hub.comment(message.agent(), to.channel(), to.thread(), message.text(), message.idempotencyKey());
  }

  /** A post's comments are its thread: answering under the post is the thread. */
  @Override
  public ReplyTarget createThread(ReplyTarget target, String title) {
    return target;
  }

  /** The Hub has no reactions; a no-op, so callers need not know the platform. */
  @Override
  public void addReaction(ReplyTarget target, String emoji) {}
}
