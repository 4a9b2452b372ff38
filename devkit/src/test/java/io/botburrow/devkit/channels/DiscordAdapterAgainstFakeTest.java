package io.botburrow.devkit.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import io.botburrow.channels.discord.DiscordChannel;
import io.botburrow.channels.discord.DiscordGateway;
import io.botburrow.channels.discord.DiscordRest;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Discord adapter (gateway and REST) against the local fake: what a bot sees and what it sends. */
class DiscordAdapterAgainstFakeTest {
  private static final String TOKEN = "test-bot-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
  private FakeDiscord discord;
  private DiscordGateway gateway;
  private DiscordChannel channel;

  @BeforeEach
  void start() throws Exception {
    discord = FakeDiscord.start(TOKEN, 200);
    gateway = new DiscordGateway(http, discord.gatewayUrl(), TOKEN, DiscordGateway.DEFAULT_INTENTS, scheduler,
        Duration.ofMillis(100));
    DiscordRest rest = new DiscordRest(http, discord.apiBaseUrl(), TOKEN, Clock.systemUTC(), d -> Thread.sleep(d),
        Duration.ofSeconds(5));
    channel = new DiscordChannel(rest, gateway);
    channel.onMessage(received::add);
  }

  @AfterEach
  void stop() {
    channel.close();
    scheduler.shutdownNow();
    discord.close();
  }

  @Test
  void identifiesWithItsIntentsAndKeepsTheHeartbeat() {
    channel.connect();

    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.sessionId() != null);
    assertThat(discord.identifies()).isEqualTo(1);
    assertThat(discord.intents()).isEqualTo(DiscordGateway.DEFAULT_INTENTS);
    await().atMost(Duration.ofSeconds(5)).until(() -> discord.heartbeats() >= 2);
  }

  @Test
  void aMentionArrivesAndTheReplyReferencesItOnce() {
    channel.connect();
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.sessionId() != null);

    discord.postAsPerson("c-42", "u-7", "ignore me", false);
    String id = discord.postAsPerson("c-42", "u-7", "what broke last night?", true);

    await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(m -> m.key().equals("discord:" + id)));
    InboundMessage m = received.stream().filter(r -> r.key().equals("discord:" + id)).findFirst().orElseThrow();
    assertThat(m.mentionsBot()).isTrue();
    assertThat(m.text()).isEqualTo("what broke last night?");
    assertThat(m.replyTo()).isEqualTo(ReplyTarget.discordMessage("c-42", id));
    assertThat(received.stream().filter(r -> !r.mentionsBot())).hasSize(1);

    SentMessage first = channel.sendMessage(new OutgoingMessage("ops-bot", m.replyTo(), "The deploy at 02:00.", "task:t-1"));
    SentMessage again = channel.sendMessage(new OutgoingMessage("ops-bot", m.replyTo(), "The deploy at 02:00.", "task:t-1"));

    assertThat(discord.botMessages()).singleElement().satisfies(reply -> {
      assertThat(reply.path("content").asText()).isEqualTo("The deploy at 02:00.");
      assertThat(reply.path("message_reference").path("message_id").asText()).isEqualTo(id);
    });
    assertThat(again.earlier()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
  }

  @Test
  void aDroppedConnectionResumesAndTheMessageSentMeanwhileStillArrives() {
    channel.connect();
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.sessionId() != null);
    String before = discord.postAsPerson("c-42", "u-7", "before the drop", true);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

    discord.dropGateway();
    String during = discord.postAsPerson("c-42", "u-7", "sent while the bot was away", true);

    await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(m -> m.key().equals("discord:" + during)));
    assertThat(discord.resumes()).isEqualTo(1);
    assertThat(discord.identifies()).isEqualTo(1);
    assertThat(gateway.resumes()).isEqualTo(1);
    assertThat(received).extracting(InboundMessage::key).containsExactly("discord:" + before, "discord:" + during);
  }

  @Test
  void aNewHolderOfTheConnectionResumesTheSessionAndGetsWhatWasSentInBetween() {
    java.util.concurrent.atomic.AtomicReference<DiscordGateway.Session> stored = new java.util.concurrent.atomic.AtomicReference<>();
    DiscordGateway.SessionStore store = new DiscordGateway.SessionStore() {
      @Override
      public java.util.Optional<DiscordGateway.Session> load() {
        return java.util.Optional.ofNullable(stored.get());
      }

      @Override
      public void save(DiscordGateway.Session session) {
        stored.set(session);
      }

      @Override
      public void clear() {
        stored.set(null);
      }
    };
    DiscordGateway leader = new DiscordGateway(http, discord.gatewayUrl(), TOKEN, DiscordGateway.DEFAULT_INTENTS, scheduler,
        Duration.ofMillis(100), store);
    leader.onMessage(received::add);
    leader.connect();
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.get() != null);
    String before = discord.postAsPerson("c-42", "u-7", "before the hand-over", true);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

    leader.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> !discord.gatewayConnected());
    String during = discord.postAsPerson("c-42", "u-7", "while no one held the connection", true);
    DiscordGateway next = new DiscordGateway(http, discord.gatewayUrl(), TOKEN, DiscordGateway.DEFAULT_INTENTS, scheduler,
        Duration.ofMillis(100), store);
    next.onMessage(received::add);
    try {
      next.connect();

      await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
      assertThat(received).extracting(InboundMessage::key).containsExactly("discord:" + before, "discord:" + during);
      assertThat(received.get(1).mentionsBot()).isTrue();
      assertThat(discord.identifies()).isEqualTo(1);
      assertThat(discord.resumes()).isEqualTo(1);
    } finally {
      next.close();
    }
  }

  @Test
  void aRateLimitedRequestWaitsTheRetryAfterAndIsSentOnce() {
    discord.rateLimitNext(1);

    SentMessage sent = channel.sendMessage(new OutgoingMessage("ops-bot", ReplyTarget.discordMessage("c-9", null),
        "Hello.", "task:t-2"));

    assertThat(discord.rateLimited()).isEqualTo(1);
    assertThat(discord.botMessages()).extracting(j -> j.path("id").asText()).containsExactly(sent.id());
  }

  @Test
  void aSlashCommandsAnswerReplacesItsDeferredResponse() {
    ReplyTarget to = ReplyTarget.discordCommand("c-42", "app-1", "interaction-token-1");

    channel.sendMessage(new OutgoingMessage("ops-bot", to, "Queue is empty.", "task:t-3"));

    assertThat(discord.originals()).containsEntry("interaction-token-1", "Queue is empty.");
    assertThat(discord.botMessages()).isEmpty();
  }

  @Test
  void aThreadStartedFromAMessageIsWhereLaterRepliesGo() {
    ReplyTarget thread = channel.createThread(ReplyTarget.discordMessage("c-42", "1234"), "Deploy questions");

    assertThat(thread.platform()).isEqualTo(io.botburrow.channels.Platform.DISCORD);
    assertThat(thread.channel()).isNotEqualTo("c-42");
    channel.sendMessage(new OutgoingMessage("ops-bot", thread, "In the thread.", "task:t-4"));
    assertThat(discord.botMessages()).singleElement()
        .satisfies(m -> assertThat(m.path("channel_id").asText()).isEqualTo(thread.channel()));
  }

  @Test
  void reactionsGoToTheMessage() {
    channel.addReaction(ReplyTarget.discordMessage("c-42", "1234"), "👀");

    assertThat(discord.reactions()).containsExactly("c-42/1234/👀");
  }

  static String content(JsonNode n) {
    return n.path("content").asText();
  }
}
