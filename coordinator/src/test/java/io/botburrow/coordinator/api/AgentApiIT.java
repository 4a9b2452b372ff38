package io.botburrow.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.RunnerPool;
import io.botburrow.coordinator.TriggerCoordinator;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.tasks.TaskResult;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent API against a real coordinator and redis-server; the runner's side played by the task store. */
class AgentApiIT {
  private static final String READER_KEY = "reader-key-for-tests-0042";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTH = "Bearer " + TriggerCoordinator.OPERATOR_KEY;
  private static LocalRedis redis;
  private static TriggerCoordinator coordinator;

  @BeforeAll
  static void start() {
    redis = LocalRedis.start();
    coordinator = TriggerCoordinator.start(redis, Map.of("READER_API_KEY", READER_KEY),
        Map.of("botburrow.api.keys.reader.key-env", "READER_API_KEY",
            "botburrow.api.keys.reader.scopes", "tasks:read,agents:read"),
        TriggerCoordinator.OPS);
  }

  @AfterAll
  static void stop() {
    if (coordinator != null) {
      coordinator.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void messageGoesFromSubmittedThroughWorkingToCompletedWithItsResult() throws Exception {
    HttpResponse<String> sent = post("/api/v1/agents/ops-bot/messages", "{\"content\":\"status of the deploy?\"}", AUTH);
    assertThat(sent.statusCode()).isEqualTo(202);
    String taskId = JSON.readTree(sent.body()).path("task_id").asText();
    assertThat(JSON.readTree(sent.body()).path("status").asText()).isEqualTo("submitted");

    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    TaskStore tasks = coordinator.bean(TaskStore.class);
    // this test plays the runner: without one alive in a pool that serves messages, the agent is offline
    assertThat(json(get("/api/v1/agents/ops-bot", AUTH)).path("state").asText()).isEqualTo("offline");
    coordinator.bean(io.botburrow.activity.AgentActivity.class).poolAlive(RunnerPool.NOTIFICATION, Instant.now());
    Lease lease = claims.claim(RunnerPool.NOTIFICATION, "r1", Duration.ofSeconds(1)).orElseThrow();
    assertThat(lease.activation().trigger().prompt()).isEqualTo("status of the deploy?");
    tasks.start(taskId, lease.activation().id().value(), Instant.now());
    assertThat(task(taskId).path("status").asText()).isEqualTo("working");
    JsonNode agent = json(get("/api/v1/agents/ops-bot", AUTH));
    assertThat(agent.path("state").asText()).isEqualTo("processing");
    assertThat(agent.path("current_task").asText()).isEqualTo(taskId);
    coordinator.bean(io.botburrow.activity.AgentActivity.class).report("ops-bot",
        new io.botburrow.activity.ActivityReport(io.botburrow.activity.AgentPhase.EXECUTING, lease.activation().id().value(), "r1",
            Instant.now(), null));
    assertThat(json(get("/api/v1/agents/ops-bot", AUTH)).path("state").asText()).isEqualTo("executing");

    tasks.finish(taskId, new TaskResult(TaskState.COMPLETED, "Deployed at 10:02.", 200, 12, 0.0004), Instant.now());
    claims.complete(lease);

    JsonNode done = task(taskId);
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("result").asText()).isEqualTo("Deployed at 10:02.");
    assertThat(done.path("tokens").path("total").asLong()).isEqualTo(212);
    assertThat(done.path("duration_ms").isNumber()).isTrue();
    assertThat(json(get("/api/v1/agents/ops-bot", AUTH)).path("state").asText()).isEqualTo("idle");
  }

  @Test
  void canceledTaskIsNotStartedByTheRunner() throws Exception {
    String taskId = JSON.readTree(post("/api/v1/agents/ops-bot/messages", "{\"content\":\"never mind\"}", AUTH).body())
        .path("task_id").asText();

    HttpResponse<String> canceled = post("/api/v1/tasks/" + taskId + "/cancel", "", AUTH);

    assertThat(canceled.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(canceled.body()).path("status").asText()).isEqualTo("canceled");
    assertThat(coordinator.bean(TaskStore.class).start(taskId, "a", Instant.now())).isEmpty();
    assertThat(post("/api/v1/tasks/" + taskId + "/cancel", "", AUTH).statusCode()).isEqualTo(409);
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    claims.claim(RunnerPool.NOTIFICATION, "r2", Duration.ofSeconds(1)).ifPresent(claims::complete);
  }

  @Test
  void sameIdempotencyKeyNamesTheSameTask() throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.uri("/api/v1/agents/ops-bot/messages"))
        .header("Authorization", AUTH).header("Content-Type", "application/json").header("Idempotency-Key", "k-77")
        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"once\"}"));
    HttpResponse<String> first = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String taskId = JSON.readTree(first.body()).path("task_id").asText();
    assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("submitted");
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    Lease lease = claims.claim(RunnerPool.NOTIFICATION, "r3", Duration.ofSeconds(1)).orElseThrow();
    coordinator.bean(TaskStore.class).start(taskId, lease.activation().id().value(), Instant.now());

    HttpResponse<String> second = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    // the repeat names the task as it is now, and adds no work
    assertThat(JSON.readTree(second.body()).path("task_id").asText()).isEqualTo(taskId);
    assertThat(JSON.readTree(second.body()).path("status").asText()).isEqualTo("working");
    claims.complete(lease);
    assertThat(claims.claim(RunnerPool.NOTIFICATION, "r3", Duration.ZERO)).isEmpty();
  }

  @Test
  void keysDecideWhoMayDoWhat() throws Exception {
    assertThat(post("/api/v1/agents/ops-bot/messages", "{\"content\":\"hi\"}", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/agents/ops-bot/messages", "{\"content\":\"hi\"}", "Bearer nope").statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/agents/ops-bot/messages", "{\"content\":\"hi\"}", "Bearer " + READER_KEY).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/agents/ops-bot", "Bearer " + READER_KEY).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/agents/nobody", AUTH).statusCode()).isEqualTo(404);
    assertThat(post("/api/v1/agents/nobody/messages", "{\"content\":\"hi\"}", AUTH).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/tasks/t-000000000000000000000000", AUTH).statusCode()).isEqualTo(404);
  }

  private static JsonNode task(String id) throws Exception {
    return json(get("/api/v1/tasks/" + id, AUTH));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.uri(path));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
