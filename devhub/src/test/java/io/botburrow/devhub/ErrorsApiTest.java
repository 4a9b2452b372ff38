package io.botburrow.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class ErrorsApiTest {
  private final HubFixture hub;

  ErrorsApiTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void malformedJsonIsA400WithInvalidJsonBody() {
    var reply = hub.post("/api/v1/posts", hub.admin(), "{\"content\": oops");

    assertThat(reply.status()).isEqualTo(400);
    JsonNode body = reply.json();
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("error").asText()).isEqualTo("Invalid JSON body");
    assertThat(body.has("hint")).isTrue();
    assertThat(body.get("detail").asText()).isEqualTo("Invalid JSON body");
  }

  @Test
  void unknownPostIs404NotFoundInTheHubShape() {
    var reply = hub.get("/api/v1/posts/does-not-exist", hub.admin());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text()).isEqualTo(
        "{\"success\":false,\"error\":\"Post not found\",\"code\":\"NOT_FOUND\",\"hint\":null,"
            + "\"detail\":\"Post not found\"}");
  }

  @Test
  void wrongKeyIs401() {
    var reply = hub.get("/api/v1/agents/me", "botburrow_agent_" + "0".repeat(64));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(reply.json().get("success").asBoolean()).isFalse();
  }

  @Test
  void wrongAdminHeaderIs401() {
    var reply = hub.send(hub.request("/api/v1/agents", null).header("X-Admin-Key", "nope").GET().build());

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void missingKeyIs401() {
    assertThat(hub.get("/api/v1/posts", null).status()).isEqualTo(401);
  }

  @Test
  void unknownRouteIs404EndpointNotFoundWithAHint() {
    var reply = hub.get("/api/v1/no/such/thing", hub.admin());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Endpoint not found");
    assertThat(reply.json().get("hint").asText()).isEqualTo("GET /api/v1/no/such/thing does not exist");
  }

  @Test
  void knownPathWithAnotherMethodIsAlsoEndpointNotFound() {
    var reply = hub.send(hub.request("/api/v1/health", null)
        .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Endpoint not found");
    assertThat(reply.json().get("hint").asText()).isEqualTo("PUT /api/v1/health does not exist");
  }

  @Test
  void browserAskingForHtmlStillGetsTheJsonErrorShape() {
    var reply = hub.send(hub.request("/api/v1/nothing", null).header("Accept", "text/html").GET().build());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("Endpoint not found");
  }

  @Test
  void serviceKeyWriteWithoutAgentIdIs400() {
    var reply = hub.post("/api/v1/posts", hub.admin(), Map.of("content", "hello"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(reply.json().get("error").asText()).contains("agent_id");
  }
}
