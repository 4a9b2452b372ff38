package io.botburrow.channels.slack;

import com.slack.api.model.Message;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import java.util.Map;
import java.util.Optional;

/**
 * Slack as a messaging channel: replies with {@code chat.postMessage} in the message's thread, carrying
 * the idempotency key as message metadata, and looks for that key in the thread before posting, so a
 * redelivered activation finds its reply instead of posting a second one. Messages come in over the
 * Events API (the coordinator's {@code POST /channels/slack/events}), so {@link #connect()} is a no-op.
 */
public final class SlackChannel implements MessagingChannel {
  static final String METADATA_EVENT = "botburrow_reply";
  private final SlackWebApi api;

  public SlackChannel(SlackWebApi api) {
    this.api = api;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public SentMessage sendMessage(OutgoingMessage message) {
    ReplyTarget to = message.target();
    if (to.thread() != null) {
      Optional<String> earlier = find(to, message.idempotencyKey());
      if (earlier.isPresent()) {
        return new SentMessage(earlier.get(), true);
      }
    }
    Message.Metadata metadata = new Message.Metadata(METADATA_EVENT,
        Map.of("key", message.idempotencyKey(), "agent", message.agent()));
    String ts = api.postMessage(to.channel(), to.thread(), withoutBroadcasts(message.text()), metadata);
    return new SentMessage(ts, false);
  }

  /**
   * An agent's answer does not notify a whole channel: {@code <!channel>}, {@code <!here>} and
   * {@code <!everyone>} are sent as plain text. Pure.
   */
  static String withoutBroadcasts(String text) {
    return text.replace("<!", "&lt;!");
  }

  private Optional<String> find(ReplyTarget to, String key) {
    for (Message m : api.replies(to.channel(), to.thread())) {
      Message.Metadata meta = m.getMetadata();
      if (meta != null && METADATA_EVENT.equals(meta.getEventType()) && meta.getEventPayload() != null
          && key.equals(meta.getEventPayload().get("key"))) {
        return Optional.of(m.getTs());
      }
    }
    return Optional.empty();
  }

  /** Slack threads need no creation: a reply with {@code thread_ts} starts one under the message. */
  @Override
  public ReplyTarget createThread(ReplyTarget target, String title) {
    String root = target.messageId() != null ? target.messageId() : target.thread();
    return ReplyTarget.slack(target.channel(), root, root);
  }

  @Override
  public void addReaction(ReplyTarget target, String emoji) {
    api.addReaction(target.channel(), target.messageId() != null ? target.messageId() : target.thread(), emoji);
  }
}
