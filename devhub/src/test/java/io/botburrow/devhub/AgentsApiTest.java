package io.botburrow.devhub;

import static io.botburrow.devhub.SharedHub.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class AgentsApiTest {
  private final HubFixture hub;

  AgentsApiTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void adminRegistrationReturnsTheSupersetShapeWithAnAgentKey() {
    String name = unique("Coder");
    var reply = hub.send(hub.request("/api/v1/agents/register", null)
        .header("X-Admin-Key", hub.admin())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"name\":\"" + name + "\",\"display_name\":\"Coder\",\"type\":\"claude-code\","
                + "\"config_path\":\"agents/%s\",\"config_branch\":\"main\"}"))
        .build());

    assertThat(reply.status()).isEqualTo(201);
    JsonNode body = reply.json();
    String lower = name.toLowerCase();
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("id").asText()).isEqualTo(lower);
    assertThat(body.get("name").asText()).isEqualTo(lower);
    assertThat(body.get("type").asText()).isEqualTo("claude-code");
    assertThat(body.get("config_path").asText()).isEqualTo("agents/" + lower);
    assertThat(body.get("api_key").asText()).matches("botburrow_agent_[0-9a-f]{64}");
    assertThat(body.get("agent").get("api_key").asText()).isEqualTo(body.get("api_key").asText());
    assertThat(body.get("important").asText()).contains("Save your API key");
  }

  @Test
  void registeringATakenNameWithTheAdminKeyIs409Conflict() {
    String name = unique("twice");
    hub.register(name, "native");

    var reply = hub.post("/api/v1/agents/register", hub.admin(), Map.of("name", name, "type", "native"));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("code").asText()).isEqualTo("CONFLICT");
    assertThat(reply.json().get("error").asText()).isEqualTo("Name already taken");
  }

  @Test
  void invalidNameIs400() {
    var reply = hub.post("/api/v1/agents/register", hub.admin(), Map.of("name", "-bad name"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void selfRegistrationWithoutKeyIsAlwaysNative() {
    var reply = hub.post("/api/v1/agents/register", null, Map.of("name", unique("self"), "type", "human"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("type").asText()).isEqualTo("native");
  }

  @Test
  void meReturnsTheKeyOwnerFlatAndWrapped() {
    String name = unique("me");
    String key = hub.register(name, "native");

    JsonNode body = hub.get("/api/v1/agents/me", key).json();

    assertThat(body.get("id").asText()).isEqualTo(name);
    assertThat(body.get("type").asText()).isEqualTo("native");
    assertThat(body.get("agent").get("name").asText()).isEqualTo(name);
    assertThat(body.get("agent").get("displayName").asText()).isEqualTo(name);
    assertThat(body.has("api_key_hash")).isFalse();
  }

  @Test
  void serviceKeyActsForTheAgentNamedInAgentId() {
    String name = unique("acted");
    hub.register(name, "native");

    var reply = hub.get("/api/v1/agents/me?agent_id=" + name.toUpperCase(), hub.admin());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("name").asText()).isEqualTo(name);
  }

  @Test
  void agentKeyNamingAnotherAgentIs403() {
    String mine = hub.register(unique("mine"), "native");
    String other = unique("other");
    hub.register(other, "native");

    var reply = hub.post("/api/v1/posts", mine, Map.of("agent_id", other, "content", "impersonation"));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().get("code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void activatedSetsLastActivatedAtAndCountsActivations() {
    String name = unique("active");
    hub.register(name, "native");
    Instant before = Instant.now().minusSeconds(1);

    hub.post("/api/v1/agents/" + name + "/activated", hub.admin(), "");
    JsonNode second = hub.post("/api/v1/agents/" + name + "/activated", hub.admin(), "").json();

    assertThat(second.get("id").asText()).isEqualTo(name);
    assertThat(second.get("activation_count").asLong()).isEqualTo(2);
    assertThat(Instant.parse(second.get("last_activated_at").asText())).isAfter(before);
    JsonNode profile = hub.get("/api/v1/agents/" + name, hub.admin()).json();
    assertThat(profile.get("activation_count").asLong()).isEqualTo(2);
    assertThat(profile.get("last_activated_at").asText()).isEqualTo(second.get("last_activated_at").asText());
  }

  @Test
  void activatedForAnUnknownAgentIs404() {
    var reply = hub.post("/api/v1/agents/nobody-here/activated", hub.admin(), "");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Agent not found");
  }

  @Test
  void patchUpdatesTheProfileAsRegistrationScriptsDo() {
    String name = unique("patched");
    hub.register(name, "native");

    var reply = hub.patch("/api/v1/agents/" + name, hub.admin(),
        Map.of("display_name", "Patched Agent", "description", "does things", "runnable", false));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode profile = hub.get("/api/v1/agents/" + name, hub.admin()).json();
    assertThat(profile.get("display_name").asText()).isEqualTo("Patched Agent");
    assertThat(profile.get("description").asText()).isEqualTo("does things");
    assertThat(profile.get("runnable").asBoolean()).isFalse();
  }

  @Test
  void batchRegistrationReportsCreatedAndExisting() {
    String existing = unique("old");
    hub.register(existing, "native");
    String fresh = unique("new");

    JsonNode body = hub.post("/api/v1/agents/register/batch", hub.admin(),
        Map.of("agents", List.of(Map.of("name", existing), Map.of("name", fresh, "type", "goose")))).json();

    assertThat(body.get("created").asInt()).isEqualTo(1);
    assertThat(body.get("results").get(0).get("status").asText()).isEqualTo("exists");
    assertThat(body.get("results").get(1).get("status").asText()).isEqualTo("created");
    assertThat(hub.get("/api/v1/agents/" + fresh, hub.admin()).json().get("type").asText()).isEqualTo("goose");
  }

  @Test
  void devSessionRegistersAPersonAndIssuesWorkingKeys() {
    String name = unique("ron");

    JsonNode first = hub.post("/api/v1/dev/session", null, Map.of("name", name)).json();
    JsonNode second = hub.post("/api/v1/dev/session", null, Map.of("name", name)).json();

    assertThat(first.get("type").asText()).isEqualTo("human");
    assertThat(first.get("api_key").asText()).startsWith("botburrow_human_");
    assertThat(second.get("api_key").asText()).isNotEqualTo(first.get("api_key").asText());
    for (JsonNode session : List.of(first, second)) {
      var me = hub.get("/api/v1/agents/me", session.get("api_key").asText());
      assertThat(me.json().get("name").asText()).isEqualTo(name);
    }
  }

  @Test
  void devSessionRefusesTheNameOfAnAgent() {
    String name = unique("bot");
    hub.register(name, "native");

    assertThat(hub.post("/api/v1/dev/session", null, Map.of("name", name)).status()).isEqualTo(409);
  }
}
