package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.channels.discord.DiscordSignature;
import io.botburrow.channels.slack.SlackSignature;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.channels.FakeDiscord;
import io.botburrow.devkit.channels.FakeSlack;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
 * Each tenant brings its own Slack and Discord apps: the default tenant's app and tenant {@code beta}'s are two
 * local fakes with tokens and secrets of their own, and both tenants have an agent {@code chat-agent} listening in
 * the same channel ids. A message reaches the agent of the tenant whose app delivered it, and the answer goes out
 * through that tenant's app only; a delivery signed with another tenant's secret enqueues nothing.
 */
class TenantChannelsIT {
  private static final String AGENT = "chat-agent";
  private static final String SLACK_CHANNEL = "C0SHARED";
  private static final String DISCORD_CHANNEL = "1300000000000000077";
  private static final String DEFAULT_SECRET = "default-signing-secret-" + UUID.randomUUID();
  private static final String BETA_SECRET = "beta-signing-secret-" + UUID.randomUUID();
  private static final String DEFAULT_PROMPT = "You are chat-agent of the default Hub, marker DEFAULT-CHAT.";
  private static final String BETA_PROMPT = "You are chat-agent of the beta Hub, marker BETA-CHAT.";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KeyPair defaultKeys;
  private static KeyPair betaKeys;
  private static FakeSlack defaultSlack;
  private static FakeSlack betaSlack;
  private static FakeDiscord betaDiscord;
  private static DevHubServer betaHub;
  private static LocalSystem system;
  private static URI coordinator;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    defaultKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    betaKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    defaultSlack = FakeSlack.start("xoxb-default-token");
    betaSlack = FakeSlack.start("xoxb-beta-token", "xapp-beta-token");
    betaDiscord = FakeDiscord.start("discord-beta-token", 500);
    betaHub = DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents",
        List.of("ron:human", AGENT + ":native")));
    // both services: the tenant table and each tenant's sending tokens
    Map<String, Object> common = new HashMap<>();
    common.put("botburrow.channels.slack.bot-token", "xoxb-default-token");
    common.put("botburrow.channels.slack.base-url", defaultSlack.baseUrl().toString());
    common.put("botburrow.tenants.beta.hub.url", betaHub.baseUrl().toString());
    common.put("botburrow.tenants.beta.hub.api-key", betaHub.adminKey());
    common.put("botburrow.tenants.beta.channels.slack.bot-token", "xoxb-beta-token");
    common.put("botburrow.tenants.beta.channels.slack.base-url", betaSlack.baseUrl().toString());
    common.put("botburrow.tenants.beta.channels.discord.bot-token", "discord-beta-token");
    common.put("botburrow.tenants.beta.channels.discord.api-base-url", betaDiscord.apiBaseUrl().toString());
    // the coordinator: what checks deliveries, and beta's Socket Mode and gateway connections
    Map<String, Object> coordinatorProps = new HashMap<>(common);
    coordinatorProps.put("botburrow.channels.slack.signing-secret", DEFAULT_SECRET);
    coordinatorProps.put("botburrow.channels.discord.public-key", DiscordSignature.rawHex(defaultKeys.getPublic()));
    coordinatorProps.put("botburrow.tenants.beta.channels.slack.signing-secret", BETA_SECRET);
    coordinatorProps.put("botburrow.tenants.beta.channels.slack.app-token", "xapp-beta-token");
    coordinatorProps.put("botburrow.tenants.beta.channels.slack.reconnect-delay", "100ms");
    coordinatorProps.put("botburrow.tenants.beta.channels.discord.public-key", DiscordSignature.rawHex(betaKeys.getPublic()));
    coordinatorProps.put("botburrow.tenants.beta.channels.discord.gateway-url", betaDiscord.gatewayUrl().toString());
    coordinatorProps.put("botburrow.tenants.beta.channels.discord.reconnect-delay", "100ms");
    system = new LocalSystem(List.of(AGENT), common, Map.of(), coordinatorProps);
    system.uploadDefinitions(definitions(DEFAULT_PROMPT));
    system.uploadDefinitions(definitions(BETA_PROMPT), "beta/");
    coordinator = URI.create(io.botburrow.cli.Services.url(system.coordinator));
  }

  // chat-agent, listening in the same Slack and Discord channel ids in both tenants
  private static Path definitions(String prompt) throws Exception {
    Path defs = Files.createTempDirectory("tenant-channels-");
    Path dir = Files.createDirectories(defs.resolve("agents/" + AGENT));
    Files.writeString(dir.resolve("system-prompt.md"), prompt + "\n");
    Files.writeString(dir.resolve("config.yaml"), """
        name: chat-agent
        type: native
        brain: {provider: openai, model: scripted-model, api_key_env: SCRIPTED_LLM_KEY}
        capabilities: {grants: [hub:read, hub:write]}
        behavior: {respond_to_mentions: true, max_iterations: 5, limits: {min_interval_seconds: 0}}
        channels:
          - {platform: slack, channels: [C0SHARED]}
          - {platform: discord, channels: ["1300000000000000077"]}
        """);
    return defs;
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {system, defaultSlack, betaSlack, betaDiscord, betaHub}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing the rest matters more
        }
      }
    }
  }

  private static String mention(String ts, String text) {
    return """
        {"token":"unused","team_id":"T0BETA","api_app_id":"A0APP","type":"event_callback","event_id":"Ev%s",
         "event_time":%d,"authorizations":[{"team_id":"T0BETA","user_id":"U0BOT","is_bot":true}],
         "event":{"type":"app_mention","user":"U0PERSON","text":"<@U0BOT> %s","ts":"%s","channel":"%s","event_ts":"%s"}}"""
        .formatted(ts.replace(".", ""), Instant.now().getEpochSecond(), text, ts, SLACK_CHANNEL, ts);
  }

  private static HttpResponse<String> slackEvent(String path, String body, String secret) throws Exception {
    long timestamp = Instant.now().getEpochSecond();
    String signature = SlackSignature.sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body.getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(coordinator.resolve(path))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
        .header("X-Slack-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> interaction(String path, String body, KeyPair keys) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(timestamp.getBytes(StandardCharsets.UTF_8));
    s.update(body.getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(coordinator.resolve(path))
        .header("Content-Type", "application/json")
        .header("X-Signature-Ed25519", HexFormat.of().formatHex(s.sign()))
        .header("X-Signature-Timestamp", timestamp)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<JsonNode> replyIn(FakeSlack slack, String threadTs) {
    return slack.botMessages().stream().filter(m -> threadTs.equals(m.path("thread_ts").asText())).findFirst();
  }

  private static double unauthorized(String tenant) {
    return Probes.metric(system.coordinatorHttp(), "botburrow_channels_messages_total", "tenant=\"" + tenant + "\"",
        "result=\"unauthorized\"");
  }

  @Test
  void aMentionThroughBetasSlackAppIsAnsweredByBetasAgentThroughBetasAppOnly() throws Exception {
    String marker = "beta-slack-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Beta's answer."));
    String ts = betaSlack.nextTs();

    HttpResponse<String> response = slackEvent("/channels/slack/events/beta", mention(ts, marker + " who are you?"), BETA_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("accepted");
    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> replyIn(betaSlack, ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("channel").asText()).isEqualTo(SLACK_CHANNEL);
    assertThat(reply.path("text").asText()).isEqualTo("Beta's answer.");
    assertThat(betaSlack.reactions()).contains(SLACK_CHANNEL + "/" + ts + "/eyes");
    // beta's definition answered, and nothing went out through the default tenant's app
    assertThat(system.llm.requestsContaining(marker)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.raw()).contains("BETA-CHAT").doesNotContain("DEFAULT-CHAT"));
    // (the two fakes number their messages alike: compare by text, not ts)
    assertThat(defaultSlack.botMessages()).noneMatch(m -> m.path("text").asText().equals("Beta's answer."));
  }

  @Test
  void theSameChannelThroughTheDefaultAppReachesTheDefaultTenantsAgent() throws Exception {
    String marker = "default-slack-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Default's answer."));
    String ts = defaultSlack.nextTs();

    HttpResponse<String> response = slackEvent("/channels/slack/events", mention(ts, marker + " who are you?"), DEFAULT_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode reply = await().atMost(Duration.ofSeconds(20)).until(() -> replyIn(defaultSlack, ts), Optional::isPresent).orElseThrow();
    assertThat(reply.path("text").asText()).isEqualTo("Default's answer.");
    assertThat(system.llm.requestsContaining(marker)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.raw()).contains("DEFAULT-CHAT").doesNotContain("BETA-CHAT"));
    assertThat(betaSlack.botMessages()).noneMatch(m -> m.path("text").asText().equals("Default's answer."));
  }

  @Test
  void aDeliverySignedWithAnotherTenantsSecretOrForATenantNotServedIsRefusedAndEnqueuesNothing() throws Exception {
    String marker = "crossed-" + UUID.randomUUID();
    double betaBefore = unauthorized("beta");
    double defaultBefore = unauthorized("default");

    HttpResponse<String> defaultSecretOnBeta = slackEvent("/channels/slack/events/beta", mention(betaSlack.nextTs(), marker), DEFAULT_SECRET);
    HttpResponse<String> betaSecretOnDefault = slackEvent("/channels/slack/events", mention(defaultSlack.nextTs(), marker), BETA_SECRET);
    HttpResponse<String> unknown = slackEvent("/channels/slack/events/globex", mention(betaSlack.nextTs(), marker), BETA_SECRET);
    String ping = "{\"id\":\"1\",\"application_id\":\"app-1\",\"type\":1,\"token\":\"t\",\"version\":1}";
    HttpResponse<String> defaultKeyOnBeta = interaction("/channels/discord/interactions/beta", ping, defaultKeys);
    HttpResponse<String> betaKeyOnBeta = interaction("/channels/discord/interactions/beta", ping, betaKeys);
    HttpResponse<String> betaKeyOnDefault = interaction("/channels/discord/interactions", ping, betaKeys);

    assertThat(defaultSecretOnBeta.statusCode()).isEqualTo(401);
    assertThat(betaSecretOnDefault.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no tenant globex is served here");
    assertThat(defaultKeyOnBeta.statusCode()).isEqualTo(401);
    assertThat(betaKeyOnBeta.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(betaKeyOnBeta.body()).path("type").asInt()).isEqualTo(1);
    assertThat(betaKeyOnDefault.statusCode()).isEqualTo(401);
    assertThat(unauthorized("beta")).isEqualTo(betaBefore + 2);
    assertThat(unauthorized("default")).isEqualTo(defaultBefore + 2);
    // nothing ran: no model call carried the marker
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> system.llm.requestsContaining(marker).isEmpty());
  }

  @Test
  void betasSocketModeAndGatewayConnectionsBringItsMessagesToItsAgent() throws Exception {
    String slackMarker = "beta-socket-" + UUID.randomUUID();
    String discordMarker = "beta-gateway-" + UUID.randomUUID();
    system.llm.enqueueFor(slackMarker, ScriptedTurn.text("Beta over Socket Mode."));
    system.llm.enqueueFor(discordMarker, ScriptedTurn.text("Beta over the gateway."));
    await().atMost(Duration.ofSeconds(20)).until(() -> betaSlack.socketConnected() && betaDiscord.gatewayConnected());
    String ts = betaSlack.nextTs();

    String envelope = betaSlack.sendOverSocket(mention(ts, slackMarker + " hello?"));
    String messageId = betaDiscord.postAsPerson(DISCORD_CHANNEL, "u-9", discordMarker + " hello?", true);

    await().atMost(Duration.ofSeconds(10)).until(() -> betaSlack.acks().contains(envelope));
    JsonNode slackReply = await().atMost(Duration.ofSeconds(20)).until(() -> replyIn(betaSlack, ts), Optional::isPresent).orElseThrow();
    assertThat(slackReply.path("text").asText()).isEqualTo("Beta over Socket Mode.");
    JsonNode discordReply = await().atMost(Duration.ofSeconds(20)).until(() -> betaDiscord.botMessages().stream()
        .filter(m -> messageId.equals(m.path("message_reference").path("message_id").asText())).findFirst(),
        Optional::isPresent).orElseThrow();
    assertThat(discordReply.path("content").asText()).isEqualTo("Beta over the gateway.");
    assertThat(system.llm.requestsContaining(slackMarker)).allSatisfy(r -> assertThat(r.raw()).contains("BETA-CHAT"));
    assertThat(system.llm.requestsContaining(discordMarker)).allSatisfy(r -> assertThat(r.raw()).contains("BETA-CHAT"));
  }
}
