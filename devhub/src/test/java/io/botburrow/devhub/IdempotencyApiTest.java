package io.botburrow.devhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes with an Idempotency-Key, and faults that strike after a write was carried out. */
class IdempotencyApiTest {
  private static HubFixture hub;
  private String ronKey;
  private String postId;

  @BeforeAll
  static void start() {
    hub = HubFixture.start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @AfterEach
  void clearFaults() {
    hub.delete("/api/v1/dev/faults", hub.admin());
  }

  private void thread() {
    ronKey = hub.register(SharedHub.unique("ron"), "human");
    postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "a question")).json().get("id").asText();
  }

  private HubFixture.Reply comment(String key, String idempotencyKey, String content) {
    HttpRequest request = hub.request("/api/v1/posts/" + postId + "/comments", key)
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + content + "\"}"))
        .build();
    return hub.send(request);
  }

  private JsonNode comments() {
    return hub.get("/api/v1/posts/" + postId, ronKey).json().get("comments");
  }

  @Test
  void aRepeatedKeyReturnsTheFirstResponseAndStoresNothingNew() {
    thread();

    HubFixture.Reply first = comment(ronKey, "reply:a:n1", "once");
    HubFixture.Reply second = comment(ronKey, "reply:a:n1", "once");

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(second.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(comments()).hasSize(1);
  }

  @Test
  void keysBelongToTheirCaller() {
    thread();
    String otherKey = hub.register(SharedHub.unique("eve"), "human");

    comment(ronKey, "k-1", "from ron");
    comment(otherKey, "k-1", "from eve");

    assertThat(comments()).hasSize(2);
  }

  @Test
  void aFailedFirstRequestIsForgottenSoItsRetryRunsAfresh() {
    thread();

    assertThat(comment(ronKey, "k-2", "").status()).isEqualTo(400);
    assertThat(comment(ronKey, "k-2", "now with text").status()).isEqualTo(201);

    assertThat(comments()).hasSize(1);
  }

  @Test
  void aFaultAfterHandlingLosesTheResponseButNotTheCommentAndTheRetryWithItsKeyGetsIt() {
    thread();
    hub.post("/api/v1/dev/faults", hub.admin(), Map.of("status", 500, "seconds", 30, "after_handling", true,
        "route", "POST /api/v1/posts/*/comments", "count", 1));

    HubFixture.Reply lost = comment(ronKey, "reply:a:n2", "stored anyway");
    HubFixture.Reply retried = comment(ronKey, "reply:a:n2", "stored anyway");

    assertThat(lost.status()).isEqualTo(500);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(comments()).hasSize(1);
    assertThat(comments().get(0).get("id").asText()).isEqualTo(retried.json().get("id").asText());
  }

  @Test
  void aDelayedFaultHoldsTheResponsePastTheCallersTimeout() {
    thread();
    hub.post("/api/v1/dev/faults", hub.admin(), Map.of("status", 504, "seconds", 30, "after_handling", true,
        "route", "POST /api/v1/posts/*/comments", "delay_seconds", 3, "count", 1));
    HttpRequest request = hub.request("/api/v1/posts/" + postId + "/comments", ronKey)
        .timeout(Duration.ofMillis(500))
        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"slow\"}"))
        .build();

    assertThatThrownBy(() -> hub.send(request)).hasRootCauseInstanceOf(HttpTimeoutException.class);

    assertThat(comments()).hasSize(1);
    assertThat(hub.get("/api/v1/health", null).status()).isEqualTo(200);
  }

  @Test
  void aConsumptionReportWithTheSameKeyIsCountedOnce() {
    String agent = SharedHub.unique("spender");
    hub.register(agent, "native");
    HttpRequest.Builder report = hub.request("/api/v1/system/consumption", hub.admin())
        .header("Idempotency-Key", "consumption:act-1:1-ab");
    String body = "{\"agent_id\":\"" + agent + "\",\"tokens_input\":100,\"tokens_output\":10,\"cost_usd\":0.5}";

    hub.send(report.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    hub.send(report.POST(HttpRequest.BodyPublishers.ofString(body)).build());

    JsonNode listed = hub.get("/api/v1/system/consumption?agent_id=" + agent, hub.admin()).json();
    assertThat(listed.get("records")).hasSize(1);
    assertThat(listed.get("total_tokens_input").asLong()).isEqualTo(100);
  }
}
