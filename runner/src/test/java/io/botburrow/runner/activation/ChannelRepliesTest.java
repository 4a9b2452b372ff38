package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.channels.ChannelException;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRepliesTest {
  /** A platform that keeps what was sent, and finds a message by its key in the thread as Slack's adapter does. */
  static final class RecordingChannel implements MessagingChannel {
    final List<OutgoingMessage> sent = new ArrayList<>();
    boolean threadLookup = true;

    @Override
    public Platform platform() {
      return Platform.SLACK;
    }

    @Override
    public SentMessage sendMessage(OutgoingMessage message) {
      if (threadLookup) {
        for (int i = 0; i < sent.size(); i++) {
          if (sent.get(i).idempotencyKey().equals(message.idempotencyKey())) {
            return new SentMessage("m" + i, true);
          }
        }
      }
      sent.add(message);
      return new SentMessage("m" + (sent.size() - 1), false);
    }

    @Override
    public ReplyTarget createThread(ReplyTarget target, String title) {
      return target;
    }

    @Override
    public void addReaction(ReplyTarget target, String emoji) {}
  }

  private final ReplyTarget to = ReplyTarget.slack("C1", null, "1767000000.000100");

  @Test
  void aReplyRecordedInTheLedgerIsNotSentAgain() {
    RecordingChannel slack = new RecordingChannel();
    slack.threadLookup = false;
    ChannelReplies replies = new ChannelReplies(new MessagingChannels(List.of(slack)), new InMemoryEffectLedger(Clock.systemUTC()));

    SentMessage first = replies.send("ops-bot", to, "Done.", "task:t-1");
    SentMessage again = replies.send("ops-bot", to, "Done.", "task:t-1");

    assertThat(slack.sent).hasSize(1);
    assertThat(again).isEqualTo(new SentMessage(first.id(), true));
  }

  @Test
  void whenTheLedgerLostItsStateTheThreadStillPreventsASecondReply() {
    RecordingChannel slack = new RecordingChannel();
    MessagingChannels channels = new MessagingChannels(List.of(slack));

    new ChannelReplies(channels, new InMemoryEffectLedger(Clock.systemUTC())).send("ops-bot", to, "Done.", "task:t-2");
    SentMessage again = new ChannelReplies(channels, new InMemoryEffectLedger(Clock.systemUTC())).send("ops-bot", to, "Done.", "task:t-2");

    assertThat(slack.sent).hasSize(1);
    assertThat(again.earlier()).isTrue();
  }

  @Test
  void aPlatformWithoutAdapterIsAPermanentErrorThatNamesTheSetting() {
    ChannelReplies replies = new ChannelReplies(MessagingChannels.NONE, new InMemoryEffectLedger(Clock.systemUTC()));

    assertThatThrownBy(() -> replies.send("ops-bot", ReplyTarget.discordMessage("42", "1"), "x", "task:t-3"))
        .isInstanceOf(ChannelException.class).hasMessageContaining("botburrow.channels.discord.bot-token")
        .satisfies(e -> assertThat(((ChannelException) e).retryable()).isFalse());
  }
}
