package io.botburrow.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.activity.AgentActivity;
import io.botburrow.agents.AgentDefinitionStores;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.coordinator.TriggerCoordinator;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.Lease;
import io.botburrow.tasks.TaskStore;
import io.botburrow.tenants.TenantStores;
import io.botburrow.tenants.Tenants;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks and API messages of two tenants that both have an agent {@code ops-bot}, against a real coordinator and
 * redis-server: each route starts work of its own tenant only, with that tenant's definition, keys and secrets.
 */
class TenantTriggersIT {
  private static final String DEFAULT_ALERTS = "default-alerts-secret-0001";
  private static final String ACME_ALERTS = "acme-alerts-secret-0002";
  private static final String ACME_KEY = "acme-api-key-for-tests-0003";
  private static final String OPERATOR = "Bearer " + TriggerCoordinator.OPERATOR_KEY;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRedis redis;
  private static TriggerCoordinator coordinator;

  @BeforeAll
  static void start() {
    redis = LocalRedis.start();
    InMemoryAgentDefinitionStore defaults = TriggerCoordinator.definitions(TriggerCoordinator.OPS);
    InMemoryAgentDefinitionStore acme = TriggerCoordinator.definitions(
        TriggerCoordinator.OPS.replace("Alert: {{payload}}", "Acme alert: {{payload}}"));
    AgentDefinitionStores stores = prefix -> prefix.equals("acme/") ? acme : defaults;
    coordinator = TriggerCoordinator.start(redis,
        Map.of("ALERTS_WEBHOOK_SECRET", DEFAULT_ALERTS, "TENANT_ACME__ALERTS_WEBHOOK_SECRET", ACME_ALERTS,
            "ACME_API_KEY", ACME_KEY),
        Map.of("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9",
            "botburrow.api.keys.acme-ci.key-env", "ACME_API_KEY",
            "botburrow.api.keys.acme-ci.scopes", "messages:write,tasks:read",
            "botburrow.api.keys.acme-ci.tenant", "acme"),
        List.of(stores), defaults);
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
    claimAll();
  }

  @Test
  void theSameIdempotencyKeyInTwoTenantsIsTwoMessagesEachOfItsTenant() throws Exception {
    HttpResponse<String> toDefault = message("/api/v1/agents/ops-bot/messages", OPERATOR, "k-1");
    HttpResponse<String> toAcme = message("/api/v1/tenants/acme/agents/ops-bot/messages", OPERATOR, "k-1");

    assertThat(toDefault.statusCode()).as(toDefault.body()).isEqualTo(202);
    assertThat(toAcme.statusCode()).as(toAcme.body()).isEqualTo(202);
    String defaultTask = JSON.readTree(toDefault.body()).path("task_id").asText();
    String acmeTask = JSON.readTree(toAcme.body()).path("task_id").asText();
    assertThat(acmeTask).isNotEqualTo(defaultTask);
    List<Lease> leases = claimAll();
    assertThat(leases).extracting(l -> l.activation().tenant()).containsExactlyInAnyOrder("default", "acme");
    assertThat(leases).filteredOn(l -> l.activation().tenant().equals("acme"))
        .singleElement().satisfies(l -> assertThat(l.activation().trigger().taskId()).isEqualTo(acmeTask));

    // each task is read on its tenant's route, and only there
    assertThat(get("/api/v1/tenants/acme/tasks/" + acmeTask, OPERATOR).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/tasks/" + acmeTask, OPERATOR).statusCode()).isEqualTo(404);
    assertThat(coordinator.bean(TaskStore.class).get(acmeTask)).isEmpty();
    var acmeTasks = coordinator.bean(TenantStores.class).tasks(coordinator.bean(Tenants.class).get("acme"));
    assertThat(acmeTasks.get(acmeTask)).isPresent();
  }

  @Test
  void aTenantsKeyStartsWorkInItsTenantAndNowhereElse() throws Exception {
    HttpResponse<String> elsewhere = message("/api/v1/agents/ops-bot/messages", "Bearer " + ACME_KEY, null);
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(elsewhere.body()).path("error").asText()).contains("tenant acme", "not of tenant default");
    assertThat(depth(ActivationKind.MESSAGE)).isZero();

    HttpResponse<String> own = message("/api/v1/tenants/acme/agents/ops-bot/messages", "Bearer " + ACME_KEY, null);
    assertThat(own.statusCode()).isEqualTo(202);
    String task = JSON.readTree(own.body()).path("task_id").asText();
    assertThat(get("/api/v1/tenants/acme/tasks/" + task, "Bearer " + ACME_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void eachTenantsAgentShowsItsOwnRunAndBothRunAtOnce() throws Exception {
    assertThat(message("/api/v1/agents/ops-bot/messages", OPERATOR, null).statusCode()).isEqualTo(202);
    assertThat(message("/api/v1/tenants/acme/agents/ops-bot/messages", OPERATOR, null).statusCode()).isEqualTo(202);
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    // same-named agents of two tenants: both claimed at once, neither waits for the other's run
    Lease first = claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow();
    Lease second = claims.claim(RunnerPool.HYBRID, "r2", Duration.ZERO).orElseThrow();
    try {
      Lease ours = first.activation().tenant().equals("acme") ? second : first;
      Lease acme = ours == first ? second : first;
      // a runner announces its pool on the deployment's board: it serves every tenant
      coordinator.bean(AgentActivity.class).poolAlive(RunnerPool.HYBRID, Instant.now());
      JsonNode ourView = JSON.readTree(get("/api/v1/agents/ops-bot", OPERATOR).body());
      JsonNode acmeView = JSON.readTree(get("/api/v1/tenants/acme/agents/ops-bot", OPERATOR).body());
      assertThat(ourView.path("current_activation").path("id").asText()).isEqualTo(ours.activation().id().value());
      assertThat(acmeView.path("current_activation").path("id").asText()).isEqualTo(acme.activation().id().value());
      assertThat(acmeView.path("name").asText()).isEqualTo("ops-bot");
      assertThat(List.of(ourView.path("state").asText(), acmeView.path("state").asText()))
          .containsExactly("processing", "processing");
    } finally {
      claims.complete(first);
      claims.complete(second);
    }

    HttpResponse<String> unknownAgent = get("/api/v1/tenants/acme/agents/nobody", OPERATOR);
    assertThat(unknownAgent.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknownAgent.body()).path("error").asText()).isEqualTo("no agent nobody in tenant acme");
    HttpResponse<String> unknownTenant = get("/api/v1/tenants/globex/agents/ops-bot", OPERATOR);
    assertThat(JSON.readTree(unknownTenant.body()).path("error").asText()).isEqualTo("no tenant globex is served here");
    // acme's key may send messages and read tasks, not read agents; and never another tenant's
    assertThat(get("/api/v1/tenants/acme/agents/ops-bot", "Bearer " + ACME_KEY).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/agents/ops-bot", "Bearer " + ACME_KEY).statusCode()).isEqualTo(403);
  }

  @Test
  void aTenantsAgentsCircuitIsListedAndResetUnderItsTenant() throws Exception {
    assertThat(message("/api/v1/tenants/acme/agents/ops-bot/messages", OPERATOR, null).statusCode()).isEqualTo(202);
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    claims.fail(claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow(), "boom");

    JsonNode circuits = JSON.readTree(get("/api/v1/operator/circuits", OPERATOR).body()).path("open_circuits");
    assertThat(circuits).extracting(c -> c.path("agent").asText()).containsExactly("acme/ops-bot");
    // the default tenant's ops-bot has no circuit; acme's is reset under its tenant
    assertThat(post("/api/v1/operator/circuits/ops-bot/reset", OPERATOR).statusCode()).isEqualTo(404);
    HttpResponse<String> reset = post("/api/v1/operator/circuits/acme/ops-bot/reset", OPERATOR);
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(reset.body()).path("reset").asText()).isEqualTo("acme/ops-bot");
    assertThat(JSON.readTree(get("/api/v1/operator/circuits", OPERATOR).body()).path("open_circuits")).isEmpty();
  }

  @Test
  void anUnknownTenantIs404WithAClearBodyAndNothingIsEnqueued() throws Exception {
    HttpResponse<String> api = message("/api/v1/tenants/globex/agents/ops-bot/messages", OPERATOR, null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(api.body()).path("error").asText()).isEqualTo("no tenant globex is served here");

    String body = "{\"alert\":\"disk full\"}";
    HttpResponse<String> hook = alert("/hooks/globex/ops-bot/alerts", ACME_ALERTS, body);
    assertThat(hook.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(hook.body()).path("error").asText()).isEqualTo("no tenant globex is served here");
    // an unknown caller is refused before it learns which tenants exist
    assertThat(message("/api/v1/tenants/globex/agents/ops-bot/messages", "Bearer nope", null).statusCode())
        .isEqualTo(401);
    assertThat(depth(ActivationKind.MESSAGE) + depth(ActivationKind.WEBHOOK)).isZero();
  }

  @Test
  void aTenantsWebhookIsVerifiedWithItsOwnSecretAndRenderedFromItsOwnDefinition() throws Exception {
    String body = "{\"alert\":\"disk full\"}";

    assertThat(alert("/hooks/acme/ops-bot/alerts", DEFAULT_ALERTS, body).statusCode()).isEqualTo(401);
    assertThat(alert("/hooks/ops-bot/alerts", ACME_ALERTS, body).statusCode()).isEqualTo(401);
    assertThat(depth(ActivationKind.WEBHOOK)).isZero();

    String id = "a-" + UUID.randomUUID();
    HttpResponse<String> acme = alert("/hooks/acme/ops-bot/alerts", ACME_ALERTS, body, id);
    HttpResponse<String> defaults = alert("/hooks/ops-bot/alerts", DEFAULT_ALERTS, body, id);

    assertThat(acme.statusCode()).as(acme.body()).isEqualTo(202);
    assertThat(defaults.statusCode()).as("the same delivery id in another tenant is another delivery").isEqualTo(202);
    List<Lease> leases = claimAll();
    assertThat(leases).extracting(l -> l.activation().tenant() + ": " + l.activation().trigger().prompt())
        .containsExactlyInAnyOrder("acme: Acme alert: " + body, "default: Alert: " + body);
    assertThat(alert("/hooks/acme/ops-bot/alerts", ACME_ALERTS, body, id).statusCode())
        .as("a replay in the same tenant").isEqualTo(200);
    var registry = coordinator.bean(io.micrometer.core.instrument.MeterRegistry.class);
    assertThat(registry.get("botburrow.webhooks").tags("tenant", "acme", "agent", "ops-bot", "result", "accepted")
        .counter().count()).isEqualTo(1.0);
    assertThat(registry.get("botburrow.webhooks").tags("tenant", "acme", "agent", "ops-bot", "result", "unauthorized")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void anApiKeyOfATenantThatIsNotConfiguredStopsTheCoordinatorAtStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TriggerCoordinator.start(redis,
            Map.of("ACME_API_KEY", ACME_KEY),
            Map.of("botburrow.api.keys.acme-ci.key-env", "ACME_API_KEY", "botburrow.api.keys.acme-ci.tenant", "acme"),
            TriggerCoordinator.OPS).close())
        .hasStackTraceContaining("botburrow.api.keys.acme-ci.tenant names 'acme', which is not a configured tenant");
  }

  private static List<Lease> claimAll() {
    ActivationClaims claims = coordinator.bean(ActivationClaims.class);
    List<Lease> leases = new ArrayList<>();
    for (var lease = claims.claim(RunnerPool.HYBRID, "drain", Duration.ZERO); lease.isPresent();
        lease = claims.claim(RunnerPool.HYBRID, "drain", Duration.ZERO)) {
      leases.add(lease.get());
      claims.complete(lease.get());
    }
    return leases;
  }

  private static long depth(ActivationKind kind) {
    return coordinator.bean(ActivationQueue.class).depth(kind);
  }

  private static HttpResponse<String> message(String path, String auth, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.uri(path)).header("Content-Type", "application/json")
        .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"status?\"}"));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String auth) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(coordinator.uri(path)).header("Authorization", auth)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String auth) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(coordinator.uri(path)).header("Authorization", auth).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> alert(String path, String secret, String body) throws Exception {
    return alert(path, secret, body, "a-" + UUID.randomUUID());
  }

  private static HttpResponse<String> alert(String path, String secret, String body, String id) throws Exception {
    long timestamp = System.currentTimeMillis() / 1000;
    String signature = "sha256=" + HexFormat.of().formatHex(WebhookVerifier.hmac(secret.getBytes(StandardCharsets.UTF_8),
        (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    return HTTP.send(HttpRequest.newBuilder(coordinator.uri(path))
        .header("Content-Type", "application/json").header("X-Webhook-Timestamp", Long.toString(timestamp))
        .header("X-Webhook-Id", id).header("X-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
