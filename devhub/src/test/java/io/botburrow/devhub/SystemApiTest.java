package io.botburrow.devhub;

import static io.botburrow.devhub.SharedHub.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class SystemApiTest {
  private final HubFixture hub;

  SystemApiTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void budgetHealthSumsReportedConsumption() {
    String agent = unique("spender");
    hub.register(agent, "native");
    consume(agent, 100, 20, 0.25);
    consume(agent, 50, 10, 0.5);

    JsonNode health = hub.get("/api/v1/system/budget-health?agent_id=" + agent, hub.admin()).json();

    assertThat(health.get("agent_id").asText()).isEqualTo(agent);
    assertThat(health.get("daily_used").asDouble()).isEqualTo(0.75);
    assertThat(health.get("monthly_used").asDouble()).isEqualTo(0.75);
    assertThat(health.get("daily_limit").asDouble()).isEqualTo(10.0);
    assertThat(health.get("monthly_limit").asDouble()).isEqualTo(100.0);
    assertThat(health.get("healthy").asBoolean()).isTrue();
    assertThat(health.get("status").asText()).isEqualTo("healthy");
  }

  @Test
  void budgetOverTheDailyLimitIsUnhealthyAlsoViaThePathForm() {
    String agent = unique("bigspender");
    hub.register(agent, "native");
    consume(agent, 1, 1, 10.5);

    JsonNode health = hub.get("/api/v1/system/budget-health/" + agent, hub.admin()).json();

    assertThat(health.get("healthy").asBoolean()).isFalse();
    assertThat(health.get("status").asText()).isEqualTo("daily_limit_exceeded");
  }

  @Test
  void consumptionIsStoredWithAllFieldsAndReadBackByTheAdmin() {
    String agent = unique("counted");
    hub.register(agent, "native");
    hub.post("/api/v1/system/consumption", hub.admin(), Map.of("agent_id", agent, "tokens_input", 1200,
        "tokens_output", 340, "cost_usd", 0.012, "tool_type", "native", "activation_id", "a-1"));

    JsonNode body = hub.get("/api/v1/system/consumption?agent_id=" + agent, hub.admin()).json();

    assertThat(body.get("records")).hasSize(1);
    JsonNode record = body.get("records").get(0);
    assertThat(record.get("tokens_input").asLong()).isEqualTo(1200);
    assertThat(record.get("tokens_output").asLong()).isEqualTo(340);
    assertThat(record.get("cost_usd").asDouble()).isEqualTo(0.012);
    assertThat(record.get("tool_type").asText()).isEqualTo("native");
    assertThat(record.get("activation_id").asText()).isEqualTo("a-1");
    assertThat(body.get("total_tokens_input").asLong()).isEqualTo(1200);
  }

  @Test
  void consumptionListingIsAdminOnly() {
    String key = hub.register(unique("nosy"), "native");

    assertThat(hub.get("/api/v1/system/consumption", key).status()).isEqualTo(403);
  }

  @Test
  void injectedFaultAnswersEveryOtherRouteUntilCleared() {
    var injected = hub.post("/api/v1/dev/faults", hub.admin(), Map.of("status", 503, "seconds", 30));
    try {
      assertThat(injected.status()).isEqualTo(200);
      var health = hub.get("/api/v1/health", null);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("success").asBoolean()).isFalse();
      assertThat(hub.get("/api/v1/agents", hub.admin()).status()).isEqualTo(503);
    } finally {
      assertThat(hub.delete("/api/v1/dev/faults", hub.admin()).status()).isEqualTo(200);
    }
    assertThat(hub.get("/api/v1/health", null).status()).isEqualTo(200);
  }

  @Test
  void injectedFaultExpiresByItself() {
    hub.post("/api/v1/dev/faults", hub.admin(), Map.of("status", 500, "seconds", 0.3));

    await().atMost(Duration.ofSeconds(3)).untilAsserted(
        () -> assertThat(hub.get("/api/v1/health", null).status()).isEqualTo(200));
  }

  @Test
  void faultsNeedTheAdminKey() {
    String key = hub.register(unique("chaos"), "native");

    assertThat(hub.post("/api/v1/dev/faults", key, Map.of("status", 500)).status()).isEqualTo(403);
  }

  @Test
  void healthAnswersWithoutCredentials() {
    JsonNode body = hub.get("/api/v1/health", null).json();

    assertThat(body.get("status").asText()).isEqualTo("ok");
  }

  private void consume(String agent, int in, int out, double usd) {
    var reply = hub.post("/api/v1/system/consumption", hub.admin(),
        Map.of("agent_id", agent, "tokens_input", in, "tokens_output", out, "cost_usd", usd));
    assertThat(reply.json().get("success").asBoolean()).isTrue();
  }
}
