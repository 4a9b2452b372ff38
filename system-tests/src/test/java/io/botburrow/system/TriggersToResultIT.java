package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks and API messages run a real agent end to end: the coordinator verifies and enqueues, the
 * runner runs the agent against the scripted model, and the task API shows what happened.
 */
class TriggersToResultIT {
  private static final String AGENT = "hook-agent";
  private static final String SECRET = "hook-agent-secret-4711";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalSystem system;
  private static URI coordinator;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    system = new LocalSystem(List.of(AGENT), Map.of("botburrow.http-tools.allowed-hosts", "127.0.0.1"),
        Map.of("HOOK_AGENT_WEBHOOK_SECRET", SECRET));
    coordinator = URI.create(io.botburrow.cli.Services.url(system.coordinator));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aSignedGitHubDeliveryRunsTheAgentWithThePayloadInItsPromptAndCompletesItsTask() throws Exception {
    String marker = "commit-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Someone fixed the login page.").withUsage(40, 7));
    String body = "{\"ref\":\"refs/heads/main\",\"head_commit\":{\"message\":\"Fix the login page " + marker + "\"}}";

    HttpResponse<String> response = github(body, sign(SECRET, body), UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(202);
    String taskId = JSON.readTree(response.body()).path("task_id").asText();
    JsonNode task = awaitStatus(taskId, "completed");
    assertThat(task.path("result").asText()).isEqualTo("Someone fixed the login page.");
    assertThat(task.path("source").asText()).isEqualTo("webhook");
    assertThat(task.path("tokens").path("input").asLong()).isEqualTo(40);
    assertThat(system.llm.requestsContaining(marker)).singleElement()
        .satisfies(r -> assertThat(r.raw()).contains("Summarise this GitHub push event in one sentence")
            .contains("Fix the login page " + marker));
  }

  @Test
  void aBadSignatureAReplayedDeliveryAndAnOversizeBodyEnqueueNothing() throws Exception {
    String marker = "refused-" + UUID.randomUUID();
    String body = "{\"ref\":\"refs/heads/main\",\"note\":\"" + marker + "\"}";
    String delivery = UUID.randomUUID().toString();
    system.llm.enqueueFor(marker, ScriptedTurn.text("Seen once."));

    assertThat(github(body, sign("not-the-secret", body), UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
    assertThat(github(body, null, UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
    HttpResponse<String> first = github(body, sign(SECRET, body), delivery);
    HttpResponse<String> replay = github(body, sign(SECRET, body), delivery);
    String huge = "{\"blob\":\"" + marker + "x".repeat(300_000) + "\"}";
    HttpResponse<String> oversize = github(huge, sign(SECRET, huge), UUID.randomUUID().toString());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(replay.body()).path("status").asText()).isEqualTo("duplicate");
    assertThat(oversize.statusCode()).isEqualTo(413);
    awaitStatus(JSON.readTree(first.body()).path("task_id").asText(), "completed");
    // only the first, verified delivery ever reached the model, and only once
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> system.llm.requestsContaining(marker).size() == 1);
  }

  @Test
  void anApiMessageGoesSubmittedWorkingCompletedAndAQueuedOneCanBeCanceled() throws Exception {
    String marker = "question-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("The deploy changed the login page.").withUsage(11, 6).hold());

    JsonNode accepted = message(marker + " what changed in the last deploy?");
    assertThat(accepted.path("status").asText()).isEqualTo("submitted");
    String taskId = accepted.path("task_id").asText();
    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(15));
    JsonNode second;
    try {
      assertThat(task(taskId).path("status").asText()).isEqualTo("working");
      // the runner reports its model call
      await().atMost(Duration.ofSeconds(5)).until(() -> agent().path("state").asText().equals("thinking"));
      // single flight: the second message waits behind the first; canceled there, it never runs
      second = message("cancel-me-" + marker);
      JsonNode canceled = post("/api/v1/tasks/" + second.path("task_id").asText() + "/cancel", null);
      assertThat(canceled.path("status").asText()).isEqualTo("canceled");
    } finally {
      held.release();
    }

    JsonNode done = awaitStatus(taskId, "completed");
    assertThat(done.path("result").asText()).isEqualTo("The deploy changed the login page.");
    assertThat(done.path("tokens").path("total").asLong()).isEqualTo(17);
    assertThat(done.path("duration_ms").isNumber()).isTrue();
    // behavior.limits.min_interval_seconds (60 by default) after an activation
    await().atMost(Duration.ofSeconds(5)).until(() -> agent().path("state").asText().equals("cooldown"));
    assertThat(agent().path("cooldown_until").asText()).isNotBlank();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> task(second.path("task_id").asText()).path("status").asText().equals("canceled"));
    assertThat(system.llm.requestsContaining("cancel-me-" + marker)).isEmpty();
    HttpResponse<String> again = raw(HttpRequest.newBuilder(coordinator.resolve("/api/v1/tasks/" + taskId + "/cancel"))
        .header("Authorization", "Bearer " + LocalSystem.OPERATOR_KEY).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void theRigCharacterConductorEConvertedAndUploadedAnswersAnApiMessage() throws Exception {
    java.nio.file.Path json = findUp(java.nio.file.Path.of("shared", "testdata", "character", "conductor-e.json"));
    Assumptions.assumeTrue(json != null, "shared/testdata/character/conductor-e.json not found");
    var converted = io.botburrow.agents.character.RigCharacter.convert(java.nio.file.Files.readString(json), null,
        io.botburrow.agents.validation.RuntimeRules.DEFAULT.knownMcpServers());
    java.nio.file.Path defs = java.nio.file.Files.createTempDirectory("character-");
    java.nio.file.Path agentDir = java.nio.file.Files.createDirectories(defs.resolve("agents/conductor-e"));
    java.nio.file.Files.writeString(agentDir.resolve("config.yaml"), converted.configYaml());
    java.nio.file.Files.writeString(agentDir.resolve("system-prompt.md"), converted.systemPrompt());
    assertThat(new io.botburrow.agents.validation.DefinitionValidator(io.botburrow.agents.validation.RuntimeRules.DEFAULT)
        .validate(defs).passes(false)).isTrue();
    system.uploadDefinitions(defs);
    // its every-minute schedule may fire during the test: give it answers too
    system.llm.enqueueFor("Run the coordination loop", ScriptedTurn.text("Loop done."), ScriptedTurn.text("Loop done."));
    String marker = "status-" + UUID.randomUUID();
    system.llm.enqueueFor(marker, ScriptedTurn.text("All agents healthy; no human gates open.").withUsage(20, 8));

    JsonNode accepted = post("/api/v1/agents/conductor-e/messages", Map.of("content", marker + " what is the rig's status?"));

    JsonNode done = awaitStatus(accepted.path("task_id").asText(), "completed");
    assertThat(done.path("result").asText()).isEqualTo("All agents healthy; no human gates open.");
    assertThat(system.llm.requestsContaining(marker)).singleElement().satisfies(r -> assertThat(r.raw())
        .contains("claude-opus-4-6")
        .contains("You are Conductor-E, engineering rig coordinator.")
        .contains("Precise, efficient coordinator. Speaks in short, factual messages."));
  }

  @Test
  void anAgentCallsItsHttpToolOnAnOperatorAllowedHostAndAnswersWithWhatItReturned() throws Exception {
    var api = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    var answer = new java.util.concurrent.CountDownLatch(1);
    api.createContext("/api/queue", exchange -> {
      calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      try {
        answer.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"queue\":[\"deploy-42\"]}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    api.start();
    try {
      java.nio.file.Path defs = java.nio.file.Files.createTempDirectory("http-agent-");
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(defs.resolve("agents/api-agent"));
      java.nio.file.Files.writeString(dir.resolve("config.yaml"), """
          name: api-agent
          type: native
          brain:
            provider: openai
            model: scripted-model
          capabilities:
            grants: [hub:read]
          http_tools:
            - name: rig
              description: The rig's event store
              base_url: http://127.0.0.1:%d
              endpoints:
                - {method: GET, path: /api/queue, description: Get the priority queue}
          """.formatted(api.getAddress().getPort()));
      system.uploadDefinitions(defs);
      String marker = "queue-" + UUID.randomUUID();
      system.llm.enqueueFor(marker, ScriptedTurn.toolCall("rig_get_api_queue", "{}"), ScriptedTurn.text("Next up: deploy-42."));

      JsonNode accepted = post("/api/v1/agents/api-agent/messages", Map.of("content", marker + " what is next?"));
      // while the HTTP call is held, the runner reports the agent executing a tool
      await().atMost(Duration.ofSeconds(15)).until(() -> system.coordinatorHttp()
          .get("/api/v1/agents/api-agent", LocalSystem.OPERATOR_KEY).path("state").asText().equals("executing"));
      answer.countDown();

      JsonNode done = awaitStatus(accepted.path("task_id").asText(), "completed");
      assertThat(done.path("result").asText()).isEqualTo("Next up: deploy-42.");
      assertThat(calls).containsExactly("GET /api/queue");
      assertThat(system.llm.requestsContaining(marker).getFirst().raw()).contains("rig_get_api_queue")
          .contains("Get the priority queue");
      assertThat(system.llm.requestsContaining(marker).getLast().raw()).contains("deploy-42").contains("HTTP 200");
    } finally {
      api.stop(0);
    }
  }

  private static java.nio.file.Path findUp(java.nio.file.Path relative) {
    for (java.nio.file.Path d = java.nio.file.Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (java.nio.file.Files.exists(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    return null;
  }

  private static JsonNode awaitStatus(String taskId, String status) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> task(taskId), t -> t.path("status").asText().equals(status));
  }

  private static JsonNode task(String id) {
    return system.coordinatorHttp().get("/api/v1/tasks/" + id, LocalSystem.OPERATOR_KEY);
  }

  private static JsonNode agent() {
    return system.coordinatorHttp().get("/api/v1/agents/" + AGENT, LocalSystem.OPERATOR_KEY);
  }

  private static JsonNode message(String content) {
    return post("/api/v1/agents/" + AGENT + "/messages", Map.of("content", content));
  }

  private static JsonNode post(String path, Map<String, ?> body) {
    return system.coordinatorHttp().post(path, LocalSystem.OPERATOR_KEY, body == null ? Map.of() : body);
  }

  private static HttpResponse<String> github(String body, String signature, String delivery) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(coordinator.resolve("/hooks/" + AGENT + "/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      req.header("X-Hub-Signature-256", signature);
    }
    return raw(req);
  }

  private static HttpResponse<String> raw(HttpRequest.Builder req) throws Exception {
    return HTTP.send(req.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
