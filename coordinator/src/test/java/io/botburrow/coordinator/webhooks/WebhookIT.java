package io.botburrow.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.coordinator.TriggerCoordinator;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.Lease;
import io.botburrow.tasks.TaskStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhook deliveries against a real coordinator and redis-server: what is accepted, refused, and how fast. */
class WebhookIT {
  private static final String GH_SECRET = "gh-secret-for-tests-1234";
  private static final String ALERTS_SECRET = "alerts-secret-for-tests-5678";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRedis redis;
  private static TriggerCoordinator coordinator;

  @BeforeAll
  static void start() {
    redis = LocalRedis.start();
    coordinator = TriggerCoordinator.start(redis,
        Map.of("GH_WEBHOOK_SECRET", GH_SECRET, "ALERTS_WEBHOOK_SECRET", ALERTS_SECRET, "BOTBURROW_S3_SECRET_KEY", "s3-secret"),
        Map.of(), TriggerCoordinator.OPS);
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

  @AfterEach
  void drain() {
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    for (var lease = claims.claim(RunnerPool.HYBRID, "drain", Duration.ZERO); lease.isPresent();
        lease = claims.claim(RunnerPool.HYBRID, "drain", Duration.ZERO)) {
      claims.complete(lease.get());
    }
  }

  @Test
  void signedGitHubDeliveryIsAcceptedAndItsPayloadIsInTheAgentsPrompt() throws Exception {
    String body = "{\"ref\":\"refs/heads/main\",\"head_commit\":{\"id\":\"abc123\"}}";

    HttpResponse<String> response = github("github", body, sign(GH_SECRET, body), "push", UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(202);
    String taskId = JSON.readTree(response.body()).path("task_id").asText();
    assertThat(coordinator.bean(TaskStore.class).get(taskId)).hasValueSatisfying(t -> assertThat(t.state().wireName()).isEqualTo("submitted"));
    Lease lease = coordinator.bean(ActivationClaims.class).claim(RunnerPool.NOTIFICATION, "r1", Duration.ofSeconds(1)).orElseThrow();
    assertThat(lease.activation().kind()).isEqualTo(ActivationKind.WEBHOOK);
    assertThat(lease.activation().trigger().prompt()).isEqualTo("Process this GitHub push event: " + body);
    assertThat(lease.activation().trigger().taskId()).isEqualTo(taskId);
    coordinator.bean(ActivationClaims.class).complete(lease);
  }

  @Test
  void badSignatureIs401AndNothingIsEnqueued() throws Exception {
    String body = "{\"ref\":\"main\"}";

    HttpResponse<String> response = github("github", body, sign("wrong-secret", body), "push", UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(depth()).isZero();
    assertThat(github("github", body, null, "push", UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
    assertThat(depth()).isZero();
  }

  @Test
  void replayedDeliveryIdNamesTheFirstTaskAndEnqueuesNothing() throws Exception {
    String body = "{\"ref\":\"main\"}";
    String delivery = UUID.randomUUID().toString();
    HttpResponse<String> first = github("github", body, sign(GH_SECRET, body), "push", delivery);

    HttpResponse<String> replay = github("github", body, sign(GH_SECRET, body), "push", delivery);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(replay.statusCode()).isEqualTo(200);
    JsonNode replayed = JSON.readTree(replay.body());
    assertThat(replayed.path("status").asText()).isEqualTo("duplicate");
    assertThat(replayed.path("task_id").asText()).isEqualTo(JSON.readTree(first.body()).path("task_id").asText());
    assertThat(depth()).isEqualTo(1);
  }

  @Test
  void oversizeBodyIs413AndNothingIsEnqueued() throws Exception {
    String body = "{\"blob\":\"" + "x".repeat(300_000) + "\"}";

    HttpResponse<String> response = github("github", body, sign(GH_SECRET, body), "push", UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(depth()).isZero();
  }

  @Test
  void eventsTheHookDoesNotListAreIgnored() throws Exception {
    String body = "{\"zen\":\"Keep it logically awesome.\"}";

    HttpResponse<String> response = github("github", body, sign(GH_SECRET, body), "ping", UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("ignored");
    assertThat(depth()).isZero();
  }

  @Test
  void genericHmacDeliveryWithAStaleTimestampIsRefused() throws Exception {
    String body = "{\"alert\":\"disk full\"}";
    long now = System.currentTimeMillis() / 1000;

    HttpResponse<String> fresh = generic(body, now, "a-" + UUID.randomUUID());
    HttpResponse<String> stale = generic(body, now - 600, "a-" + UUID.randomUUID());

    assertThat(fresh.statusCode()).isEqualTo(202);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(stale.body()).path("error").asText()).contains("stale");
    assertThat(depth()).isEqualTo(1);
  }

  @Test
  void unknownHooksAndSecretVariablesTheOperatorDidNotAllowAreRefused() throws Exception {
    String body = "{}";
    assertThat(github("nope", body, sign(GH_SECRET, body), "push", "d").statusCode()).isEqualTo(404);
    assertThat(github("sneaky", body, sign("s3-secret", body), "push", "d").statusCode()).isEqualTo(503);
    assertThat(depth()).isZero();
  }

  @Test
  void answers202WithinAHundredMilliseconds() throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String body = "{\"n\":" + i + "}";
      long start = System.nanoTime();
      HttpResponse<String> response = github("github", body, sign(GH_SECRET, body), "push", UUID.randomUUID().toString());
      micros.add((System.nanoTime() - start) / 1_000);
      assertThat(response.statusCode()).isEqualTo(202);
    }
    List<Long> measured = new ArrayList<>(micros.subList(10, micros.size()));
    Collections.sort(measured);
    double p50 = measured.get(measured.size() / 2) / 1000.0;
    double p99 = measured.get((int) Math.ceil(measured.size() * 0.99) - 1) / 1000.0;
    System.out.printf("webhook-accept: p50 %.1f ms p99 %.1f ms over %d deliveries%n", p50, p99, measured.size());
    assertThat(p99).isLessThan(100.0);
  }

  private static long depth() {
    return coordinator.bean(ActivationQueue.class).depth(ActivationKind.WEBHOOK);
  }

  private static String sign(String secret, String payload) {
    return "sha256=" + HexFormat.of().formatHex(
        WebhookVerifier.hmac(secret.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> github(String hook, String body, String signature, String event, String delivery)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.uri("/hooks/ops-bot/" + hook))
        .header("Content-Type", "application/json").header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> generic(String body, long timestamp, String id) throws Exception {
    String signature = sign(ALERTS_SECRET, timestamp + "." + body);
    return HTTP.send(HttpRequest.newBuilder(coordinator.uri("/hooks/ops-bot/alerts"))
        .header("Content-Type", "application/json").header("X-Webhook-Timestamp", Long.toString(timestamp))
        .header("X-Webhook-Id", id).header("X-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
