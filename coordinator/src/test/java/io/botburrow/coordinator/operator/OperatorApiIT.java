package io.botburrow.coordinator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.redis.LocalRedis;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real coordinator on a real redis-server: who may read the operator API, and who may start one. */
class OperatorApiIT {
  private static final String KEY = "it-operator-key-7f3a";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalRedis redis;
  private static ApplicationContext coordinator;
  private static URI base;

  @BeforeAll
  static void start() {
    redis = LocalRedis.start();
    coordinator = coordinator(Map.of("botburrow.operator.key", KEY));
    base = coordinator.getBean(EmbeddedServer.class).getURI();
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
  void requestWithoutKeyIsRefusedWith401AndAJsonError() throws Exception {
    HttpResponse<String> response = get("/api/v1/operator/queues", Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(body.path("error").asText()).isNotBlank();
  }

  @Test
  void requestWithWrongKeyIsRefusedWith401() throws Exception {
    assertThat(get("/api/v1/operator/queues", Map.of("X-Admin-Key", "dev-admin-key")).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/operator/leader", Map.of("Authorization", "Bearer " + KEY + "x")).statusCode()).isEqualTo(401);
  }

  @Test
  void requestWithTheKeyIsAnswered() throws Exception {
    HttpResponse<String> byHeader = get("/api/v1/operator/queues", Map.of("X-Admin-Key", KEY));
    HttpResponse<String> byBearer = get("/api/v1/operator/leader", Map.of("Authorization", "Bearer " + KEY));

    assertThat(byHeader.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(byHeader.body()).path("queues").isArray()).isTrue();
    assertThat(byBearer.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(byBearer.body()).has("instance")).isTrue();
  }

  @Test
  void coordinatorWithTheDefaultKeyRefusesToStartOutsideDevelopmentMode() {
    assertThatThrownBy(() -> coordinator(Map.of()).close())
        .satisfies(e -> assertThat(rootConfigurationError(e)).isNotNull())
        .satisfies(e -> assertThat(rootConfigurationError(e).getMessage())
            .contains("BOTBURROW_OPERATOR_KEY", "botburrow.operator.key"));
  }

  @Test
  void coordinatorInDevelopmentModeStartsWithTheDefaultKey() throws Exception {
    try (ApplicationContext dev = coordinator(Map.of("botburrow.dev-mode", true))) {
      URI devBase = dev.getBean(EmbeddedServer.class).getURI();
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(devBase.resolve("/api/v1/operator/queues"))
          .header("X-Admin-Key", OperatorProperties.DEFAULT_KEY).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  private static ConfigurationException rootConfigurationError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationException c) {
        return c;
      }
    }
    return null;
  }

  private static ApplicationContext coordinator(Map<String, Object> extra) {
    Map<String, Object> p = new HashMap<>();
    p.put("botburrow.redis.url", redis.url());
    p.put("botburrow.hub.url", "http://127.0.0.1:9");
    p.put("botburrow.s3.endpoint", "http://127.0.0.1:9");
    p.put("botburrow.s3.bucket", "botburrow-agents");
    p.put("botburrow.s3.access-key", "unused");
    p.put("botburrow.s3.secret-key", "unused");
    p.put("botburrow.coordinator.registry-sync-interval", "0s");
    p.put("micronaut.server.port", -1);
    p.putAll(extra);
    ApplicationContext ctx = ApplicationContext.builder().environments("coordinator").deduceEnvironment(false)
        .properties(p).start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    if (!server.isRunning()) {
      server.start();
    }
    return ctx;
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
