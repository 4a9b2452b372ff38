package io.botburrow.devkit.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.botburrow.channels.ChannelException;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.channels.slack.SlackChannel;
import io.botburrow.channels.slack.SlackWebApi;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The Slack adapter against the local Web API fake. */
class SlackAdapterAgainstFakeTest {
  private FakeSlack slack;
  private SlackChannel channel;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlack.start("xoxb-test");
    channel = new SlackChannel(SlackWebApi.create(slack.baseUrl(), "xoxb-test", Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void aReplyGoesIntoTheMessagesThreadOncePerKey() {
    String ts = slack.nextTs();
    ReplyTarget to = ReplyTarget.slack("C1", null, ts);

    SentMessage first = channel.sendMessage(new OutgoingMessage("ops-bot", to, "On it.", "task:t-1"));
    SentMessage again = channel.sendMessage(new OutgoingMessage("ops-bot", to, "On it.", "task:t-1"));

    assertThat(slack.botMessages()).singleElement().satisfies(m -> {
      assertThat(m.path("thread_ts").asText()).isEqualTo(ts);
      assertThat(m.path("channel").asText()).isEqualTo("C1");
      assertThat(m.path("text").asText()).isEqualTo("On it.");
    });
    assertThat(again.earlier()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
  }

  @Test
  void aReplyToAMessageInAThreadStaysInThatThread() {
    String root = slack.nextTs();
    String inThread = slack.nextTs();

    channel.sendMessage(new OutgoingMessage("ops-bot", ReplyTarget.slack("C1", root, inThread), "Yes.", "task:t-2"));

    assertThat(slack.botMessages()).singleElement().satisfies(m -> assertThat(m.path("thread_ts").asText()).isEqualTo(root));
  }

  @Test
  void aReactionIsAddedOnceAndARepeatIsNoError() {
    ReplyTarget to = ReplyTarget.slack("C1", null, "1767000000.000100");

    channel.addReaction(to, "eyes");
    channel.addReaction(to, "eyes");

    assertThat(slack.reactions()).containsExactly("C1/1767000000.000100/eyes");
  }

  @Test
  void aWrongTokenIsAPermanentError() {
    SlackChannel wrong = new SlackChannel(SlackWebApi.create(slack.baseUrl(), "xoxb-wrong", Duration.ofSeconds(5)));

    assertThatThrownBy(() -> wrong.sendMessage(new OutgoingMessage("ops-bot", ReplyTarget.slack("C1", null, "1.2"), "x", "k")))
        .isInstanceOf(ChannelException.class).hasMessageContaining("not_authed")
        .satisfies(e -> assertThat(((ChannelException) e).retryable()).isFalse());
  }

  @Test
  void neitherTheTokenNorTheAnswerReachesTheLogEvenAtDebug() {
    Logger sdk = (Logger) LoggerFactory.getLogger("com.slack.api");
    Level before = sdk.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    sdk.addAppender(events);
    sdk.setLevel(Level.DEBUG);
    try {
      channel.sendMessage(new OutgoingMessage("ops-bot", ReplyTarget.slack("C1", null, slack.nextTs()), "The deploy key rotated.", "task:t-3"));
    } finally {
      sdk.setLevel(before);
      sdk.detachAppender(events);
    }

    assertThat(slack.botMessages()).hasSize(1);
    assertThat(events.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("xoxb-test")
        .doesNotContain("deploy%20key").doesNotContain("deploy key"));
  }

  @Test
  void aRateLimitedCallIsARetryableErrorAndPostsNothing() {
    slack.rateLimitNext(1);

    assertThatThrownBy(() -> channel.sendMessage(new OutgoingMessage("ops-bot", ReplyTarget.slack("C1", null, slack.nextTs()),
        "On it.", "task:t-4"))).isInstanceOf(ChannelException.class).hasMessageContaining("ratelimited")
        .satisfies(e -> assertThat(((ChannelException) e).retryable()).isTrue());
    assertThat(slack.botMessages()).isEmpty();
  }
}
