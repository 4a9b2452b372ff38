package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.ActivationKind;
import io.botburrow.channels.discord.DiscordSignature;
import io.botburrow.channels.slack.SlackSignature;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.devkit.channels.FakeDiscord;
import io.botburrow.devkit.channels.FakeSlack;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.tasks.TaskStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People talk to an agent on Slack and Discord (local fakes of both: no live platform is reachable
 * here): signed deliveries become work, the reply arrives at the platform in the message's thread, and
 * forged, stale or replayed deliveries enqueue nothing.
 */
class ChannelsIT {
  private static final String AGENT = "chat-agent";
  private static final String SLACK_CHANNEL = "C0OPS";
  private static final String DISCORD_CHANNEL = "1300000000000000042";
  private static final String SLACK_TOKEN = "xoxb-test-token";
  private static final String DISCORD_TOKEN = "discord-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SIGNING_SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  private static KeyPair discordKeys;
  private static FakeSlack slack;
  private static FakeDiscord discord;
  private static LocalSystem system;
  private static URI coordinator;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    discordKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    slack = FakeSlack.start(SLACK_TOKEN, "xapp-test-token");
    discord = FakeDiscord.start(DISCORD_TOKEN, 500);
    Map<String, Object> sending = new HashMap<>();
    sending.put("botburrow.channels.slack.bot-token", SLACK_TOKEN);
    sending.put("botburrow.channels.slack.base-url", slack.baseUrl().toString());
    sending.put("botburrow.channels.discord.bot-token", DISCORD_TOKEN);
    sending.put("botburrow.channels.discord.api-base-url", discord.apiBaseUrl().toString());
    Map<String, Object> coordinatorProps = new HashMap<>(sending);
    coordinatorProps.put("botburrow.channels.slack.signing-secret", SIGNING_SECRET);
    coordinatorProps.put("botburrow.channels.slack.app-token", "xapp-test-token");
    coordinatorProps.put("botburrow.channels.slack.reconnect-delay", "100ms");
    coordinatorProps.put("botburrow.channels.discord.public-key", DiscordSignature.rawHex(discordKeys.getPublic()));
    coordinatorProps.put("botburrow.channels.discord.gateway-url", discord.gatewayUrl().toString());
    coordinatorProps.put("botburrow.channels.discord.reconnect-delay", "100ms");
    system = new LocalSystem(List.of(AGENT, "cli-chat"), sending, Map.of(), coordinatorProps);
    Path defs = Files.createTempDirectory("channels-agent-");
    Path dir = Files.createDirectories(defs.resolve("agents/" + AGENT));
    Files.writeString(dir.resolve("system-prompt.md"), "You are chat-agent, a concise test agent.\n");
    Files.writeString(dir.resolve("config.yaml"), """
        name: chat-agent
        type: native
        brain:
          provider: openai
          model: scripted-model
          api_key_env: SCRIPTED_LLM_KEY
        capabilities:
          grants: [hub:read, hub:write]
        behavior:
          respond_to_mentions: true
          max_iterations: 5
          limits:
            min_interval_seconds: 0
        channels:
          - platform: slack
            channels: [C0OPS]
          - platform: slack
            channels: [C0CHAT]
            respond: all
          - platform: discord
            channels: ["1300000000000000042"]
        """);
    Path cli = Files.createDirectories(defs.resolve("agents/cli-chat"));
    Files.writeString(cli.resolve("system-prompt.md"), "You are cli-chat.\n");
    Files.writeString(cli.resolve("config.yaml"), """
        name: cli-chat
        type: claude-code
        brain: {provider: openai, model: scripted-model, api_key_env: SCRIPTED_LLM_KEY}
        capabilities: {grants: [hub:read, hub:write]}
        channels:
          - {platform: slack, channels: [C0CLI]}
        """);
    system.uploadDefinitions(defs);
    coordinator = URI.create(io.botburrow.cli.Services.url(system.coordinator));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  // --- Slack

  private static String mention(String channel, String ts, String text) {
    return """
        {"token":"unused","team_id":"T0TEAM","api_app_id":"A0APP","type":"event_callback","event_id":"Ev%s",
         "event_time":%d,"authorizations":[{"team_id":"T0TEAM","user_id":"U0BOTBURROW","is_bot":true}],
         "event":{"type":"app_mention","user":"U0PERSON","text":"<@U0BOTBURROW> %s","ts":"%s","channel":"%s","event_ts":"%s"}}"""
        .formatted(ts.replace(".", ""), Instant.now().getEpochSecond(), text, ts, channel, ts);
  }

  private static HttpResponse<String> slackEvent(String body, long timestamp, String secret, String... headers) throws Exception {
    String signature = SlackSignature.sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body.getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(coordinator.resolve("/channels/slack/events"))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static Optional<JsonNode> slackReplyIn(String threadTs) {
    return slack.botMessages().stream().filter(m -> threadTs.equals(m.path("thread_ts").asText())).findFirst();
  }

  @Test
  void aSignedSlackMentionIsAnsweredInItsThreadAndARetriedOrReplayedEventIsNotEnqueuedAgain() throws Exception {
    String marker = "slack-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("The deploy at 02:00 broke the login page."));
    String ts = slack.nextTs();
    String body = mention(SLACK_CHANNEL, ts, marker + " what broke last night?");

    HttpResponse<String> first = slackEvent(body, now(), SIGNING_SECRET);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("accepted");
    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("channel").asText()).isEqualTo(SLACK_CHANNEL);
    assertThat(reply.path("text").asText()).isEqualTo("The deploy at 02:00 broke the login page.");
    assertThat(slack.reactions()).contains(SLACK_CHANNEL + "/" + ts + "/eyes");

    HttpResponse<String> retry = slackEvent(body, now(), SIGNING_SECRET, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
    HttpResponse<String> replay = slackEvent(body, now(), SIGNING_SECRET);

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body()).path("status").asText()).isEqualTo("duplicate");
    assertThat(JSON.readTree(replay.body()).path("status").asText()).isEqualTo("duplicate");
    assertThat(system.llm.requestsContaining(marker)).hasSize(1);
    assertThat(slack.botMessages().stream().filter(m -> ts.equals(m.path("thread_ts").asText()))).hasSize(1);
  }

  @Test
  void aSlackMentionOverSocketModeIsAcknowledgedAndAnsweredInItsThread() throws Exception {
    String marker = "socket-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Answered over Socket Mode."));
    await().atMost(Duration.ofSeconds(20)).until(slack::socketConnected);
    String ts = slack.nextTs();

    String envelope = slack.sendOverSocket(mention(SLACK_CHANNEL, ts, marker + " hello?"));

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.acks().contains(envelope));
    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("text").asText()).isEqualTo("Answered over Socket Mode.");
    // the same message over HTTP too (both configured) is recognised by its ts
    assertThat(JSON.readTree(slackEvent(mention(SLACK_CHANNEL, ts, marker + " hello?"), now(), SIGNING_SECRET).body())
        .path("status").asText()).isEqualTo("duplicate");
  }

  @Test
  void aForgedOrStaleSlackEventIsRefusedAndNothingIsEnqueued() throws Exception {
    String ts = slack.nextTs();
    String body = mention(SLACK_CHANNEL, ts, "forged " + UUID.randomUUID());
    double before = Probes.metric(system.coordinatorHttp(), "botburrow_channels_messages_total", "platform=\"slack\"",
        "result=\"unauthorized\"");

    HttpResponse<String> forged = slackEvent(body, now(), "not-the-signing-secret");
    HttpResponse<String> stale = slackEvent(body, now() - 6 * 60, SIGNING_SECRET);
    HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/channels/slack/events"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("X-Slack-Signature");
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body()).contains("stale");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    String taskId = TriggerIngress.taskId("slack:T0TEAM:" + SLACK_CHANNEL + ":" + ts);
    assertThat(system.coordinator.getBean(TaskStore.class).get(taskId)).isEmpty();
    assertThat(Probes.metric(system.coordinatorHttp(), "botburrow_channels_messages_total", "platform=\"slack\"",
        "result=\"unauthorized\"")).isEqualTo(before + 3);
  }

  @Test
  void slacksUrlVerificationChallengeIsAnswered() throws Exception {
    String body = "{\"token\":\"unused\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
        + "\"type\":\"url_verification\"}";

    HttpResponse<String> response = slackEvent(body, now(), SIGNING_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("challenge").asText())
        .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void aMentionInAChannelNoAgentListensInGetsAReplySayingSo() throws Exception {
    String ts = slack.nextTs();

    HttpResponse<String> response = slackEvent(mention("C0ELSEWHERE", ts, "anyone?"), now(), SIGNING_SECRET);

    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("refused");
    JsonNode reply = await().atMost(Duration.ofSeconds(10)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("text").asText()).startsWith("No agent answers in this channel");
  }

  @Test
  void everyMessageIsAnsweredWhereTheAgentRespondsToAllAndOnlyMentionsElsewhere() throws Exception {
    String marker = "all-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Answered without a mention."));
    String ts = slack.nextTs();
    String quiet = slack.nextTs();
    String message = """
        {"team_id":"T0TEAM","type":"event_callback","event_id":"Ev%s","event_time":%d,
         "authorizations":[{"team_id":"T0TEAM","user_id":"U0BOTBURROW","is_bot":true}],
         "event":{"type":"message","channel_type":"channel","user":"U0PERSON","text":"%s","ts":"%s","channel":"%s"}}""";

    HttpResponse<String> all = slackEvent(message.formatted(ts.replace(".", ""), now(), marker + " anyone?", ts, "C0CHAT"),
        now(), SIGNING_SECRET);
    HttpResponse<String> mentionsOnly = slackEvent(message.formatted(quiet.replace(".", ""), now(), "just chatting", quiet,
        SLACK_CHANNEL), now(), SIGNING_SECRET);
    HttpResponse<String> ownMessage = slackEvent(message.replace("U0PERSON", "U0BOTBURROW")
        .formatted(slack.nextTs().replace(".", ""), now(), "my own answer", slack.nextTs(), "C0CHAT"), now(), SIGNING_SECRET);

    assertThat(JSON.readTree(all.body()).path("status").asText()).isEqualTo("accepted");
    assertThat(JSON.readTree(mentionsOnly.body()).path("status").asText()).isEqualTo("ignored");
    assertThat(JSON.readTree(ownMessage.body()).path("status").asText()).isEqualTo("ignored");
    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("text").asText()).isEqualTo("Answered without a mention.");
  }

  @Test
  void anAgentThatCannotAnswerSaysWhyInTheSlackThread() throws Exception {
    String ts = slack.nextTs();

    assertThat(slackEvent(mention("C0CLI", ts, "can you run?"), now(), SIGNING_SECRET).statusCode()).isEqualTo(200);

    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("text").asText()).startsWith("Sorry, I could not answer this:").contains("'claude-code' executor");
    assertThat(slack.botMessages().stream().filter(m -> ts.equals(m.path("thread_ts").asText()))).hasSize(1);
  }

  @Test
  void aSlackMentionAndAHubMentionForTheSameAgentAreBothAnsweredOneAtATime() throws Exception {
    String slackMarker = "both-slack-" + UUID.randomUUID();
    String hubMarker = "both-hub-" + UUID.randomUUID();
    system.llm.enqueueFor(slackMarker, ScriptedTurn.text("Answer on Slack.").hold());
    system.llm.enqueueFor(hubMarker, ScriptedTurn.text("Answer in the Hub.").hold());
    HubHttp hub = system.hubHttp();
    String ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    String ts = slack.nextTs();

    assertThat(slackEvent(mention(SLACK_CHANNEL, ts, slackMarker + " status?"), now(), SIGNING_SECRET).statusCode()).isEqualTo(200);
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("title", "Status", "content", "@chat-agent " + hubMarker + " status?"))
        .path("id").asText();

    HeldTurn first = system.llm.awaitHeld(Duration.ofSeconds(20));
    boolean slackFirst = first.request().contains(slackMarker);
    String waitingMarker = slackFirst ? hubMarker : slackMarker;
    ActivationKind waitingKind = slackFirst ? ActivationKind.NOTIFICATION : ActivationKind.MESSAGE;
    QueueAdmin queue = system.coordinator.getBean(QueueAdmin.class);
    // the other one is enqueued and waits behind the running one: single flight per agent
    await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(waitingKind) >= 1);
    assertThat(system.llm.requestsContaining(waitingMarker)).isEmpty();
    Instant released = Instant.now();
    first.release();
    HeldTurn second = system.llm.awaitHeld(Duration.ofSeconds(20));
    assertThat(second.request().contains(waitingMarker)).isTrue();
    assertThat(second.request().receivedAt()).isAfterOrEqualTo(released);
    second.release();

    JsonNode slackReply = await().atMost(Duration.ofSeconds(20)).until(() -> slackReplyIn(ts), Optional::isPresent).orElseThrow();
    assertThat(slackReply.path("text").asText()).isEqualTo("Answer on Slack.");
    JsonNode hubReply = await().atMost(Duration.ofSeconds(20))
        .until(() -> Probes.commentBy(hub, ronKey, postId, AGENT), Optional::isPresent).orElseThrow();
    assertThat(hubReply.path("content").asText()).isEqualTo("Answer in the Hub.");
  }

  // --- Discord

  private static HttpResponse<String> interaction(String body, KeyPair keys) throws Exception {
    String timestamp = Long.toString(now());
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(timestamp.getBytes(StandardCharsets.UTF_8));
    s.update(body.getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/channels/discord/interactions"))
        .header("Content-Type", "application/json")
        .header("X-Signature-Ed25519", HexFormat.of().formatHex(s.sign()))
        .header("X-Signature-Timestamp", timestamp)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void discordsPingIsAnsweredWithPongAndABadSignatureWith401() throws Exception {
    String ping = "{\"id\":\"1\",\"application_id\":\"app-1\",\"type\":1,\"token\":\"t\",\"version\":1}";

    HttpResponse<String> pong = interaction(ping, discordKeys);
    HttpResponse<String> forged = interaction(ping, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());

    assertThat(pong.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(pong.body()).path("type").asInt()).isEqualTo(1);
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void aSlashCommandIsDeferredAndItsAnswerReplacesTheDeferredResponse() throws Exception {
    String marker = "command-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Two deploys today, both green."));
    String token = "interaction-token-" + UUID.randomUUID();
    String id = Long.toString(1_250_000_000_000_000_000L + new SecureRandom().nextInt(1_000_000));
    String body = """
        {"type":2,"id":"%s","application_id":"app-1","token":"%s","channel_id":"%s","guild_id":"1","version":1,
         "member":{"user":{"id":"u-7","username":"ron"}},
         "data":{"id":"cmd-1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"%s how are deploys?"}]}}"""
        .formatted(id, token, DISCORD_CHANNEL, marker);

    HttpResponse<String> deferred = interaction(body, discordKeys);
    HttpResponse<String> forged = interaction(body.replace(token, token + "-other"),
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair());

    assertThat(deferred.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(deferred.body()).path("type").asInt()).isEqualTo(5);
    assertThat(forged.statusCode()).isEqualTo(401);
    await().atMost(Duration.ofSeconds(20)).until(() -> discord.originals().containsKey(token));
    assertThat(discord.originals()).containsEntry(token, "Two deploys today, both green.")
        .doesNotContainKey(token + "-other");
  }

  @Test
  void aSlashCommandInAChannelNoAgentAnswersInIsAnsweredAtOnceSayingSo() throws Exception {
    String body = """
        {"type":2,"id":"1250000000000999999","application_id":"app-1","token":"tok-elsewhere","channel_id":"999","version":1,
         "member":{"user":{"id":"u-7"}},"data":{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"hi"}]}}""";

    HttpResponse<String> response = interaction(body, discordKeys);

    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("type").asInt()).isEqualTo(4);
    assertThat(answer.path("data").path("content").asText()).startsWith("No agent answers in this channel");
    assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
  }

  @Test
  void aDiscordMentionOnTheGatewayIsAnsweredAndOneSentWhileTheConnectionWasDownStillIs() {
    String marker = "gateway-" + UUID.randomUUID();
    String during = "gateway-during-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Gateway answer one."));
    system.llm.enqueueFor(during, ScriptedTurn.text("Gateway answer two."));
    await().atMost(Duration.ofSeconds(20)).until(discord::gatewayConnected);

    String firstId = discord.postAsPerson(DISCORD_CHANNEL, "u-7", marker + " are you there?", true);
    JsonNode firstReply = await().atMost(Duration.ofSeconds(20)).until(() -> discordReplyTo(firstId), Optional::isPresent).orElseThrow();
    assertThat(firstReply.path("content").asText()).isEqualTo("Gateway answer one.");
    assertThat(discord.reactions()).contains(DISCORD_CHANNEL + "/" + firstId + "/👀");

    int resumesBefore = discord.resumes();
    discord.dropGateway();
    String secondId = discord.postAsPerson(DISCORD_CHANNEL, "u-7", during + " still there?", true);

    JsonNode secondReply = await().atMost(Duration.ofSeconds(20)).until(() -> discordReplyTo(secondId), Optional::isPresent).orElseThrow();
    assertThat(secondReply.path("content").asText()).isEqualTo("Gateway answer two.");
    assertThat(discord.resumes()).isEqualTo(resumesBefore + 1);
    assertThat(discord.identifies()).isEqualTo(1);
    // one IDENTIFY for the whole class: every reconnect and hand-over resumes
    assertThat(discord.botMessages().stream().filter(m -> secondId.equals(m.path("message_reference").path("message_id").asText())))
        .hasSize(1);
  }

  @Test
  void aNewLeaderResumesTheGatewaySessionAndAnswersWhatWasWrittenDuringTheHandOver() {
    String marker = "handover-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Answered by the next leader."));
    await().atMost(Duration.ofSeconds(20)).until(discord::gatewayConnected);
    io.botburrow.coordinator.channels.DiscordGatewayDuty duty =
        system.coordinator.getBean(io.botburrow.coordinator.channels.DiscordGatewayDuty.class);
    int identifies = discord.identifies();
    int resumes = discord.resumes();

    duty.stop();
    await().atMost(Duration.ofSeconds(5)).until(() -> !discord.gatewayConnected());
    String id = discord.postAsPerson(DISCORD_CHANNEL, "u-7", marker + " anyone there?", true);
    duty.start(2);

    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> discordReplyTo(id), Optional::isPresent).orElseThrow();
    assertThat(reply.path("content").asText()).isEqualTo("Answered by the next leader.");
    assertThat(discord.identifies()).isEqualTo(identifies);
    assertThat(discord.resumes()).isEqualTo(resumes + 1);
  }

  private static Optional<JsonNode> discordReplyTo(String messageId) {
    return discord.botMessages().stream()
        .filter(m -> messageId.equals(m.path("message_reference").path("message_id").asText())).findFirst();
  }
}
