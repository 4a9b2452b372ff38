package io.botburrow.runner.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.secrets.Redactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP tools against a real HTTP server on loopback. */
class HttpToolsTest {
  private static final String SECRET = "sk-live-secret-0123456789";
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body
          + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      byte[] answer;
      int status = 200;
      if (path.startsWith("/big")) {
        answer = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
      } else if (path.startsWith("/slow")) {
        sleepQuietly(3_000);
        answer = "late".getBytes(StandardCharsets.UTF_8);
      } else if (path.startsWith("/leak")) {
        answer = ("{\"token\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
      } else if (path.startsWith("/redirect")) {
        exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest");
        status = 302;
        answer = new byte[0];
      } else {
        answer = ("{\"ok\":true,\"path\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private AgentConfig agent(String baseUrl) {
    return new AgentConfigParser().parse("config.yaml", """
        name: api-user
        type: native
        brain:
          model: m
        capabilities:
          grants: [hub:read]
        http_tools:
          - name: events
            description: The rig's event store
            base_url: %s
            endpoints:
              - {method: GET, path: "/api/events/{id}", description: Get one event}
              - {method: POST, path: /api/events, description: Submit an event}
              - {method: GET, path: /big}
              - {method: GET, path: /slow}
              - {method: GET, path: /leak}
              - {method: GET, path: /redirect}
        """.formatted(baseUrl)).config();
  }

  private List<AgentTool> offered(HttpToolProperties props, AgentConfig config) {
    Activation a = Activation.exploration(config.name(), "test", Instant.now(), Instant.now());
    return new HttpTools(props, new ObjectMapper(), Redactor.of(List.of(SECRET))).offered(a, config, Instant.now().plusSeconds(60));
  }

  private ToolOutcome call(List<AgentTool> tools, String name, String args) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow().invoke(args);
  }

  @Test
  void offersEachEndpointAsAToolAndCallsItWithPathQueryAndBody() {
    List<AgentTool> tools = offered(HttpToolProperties.allowing("127.0.0.1"), agent(base));

    assertThat(tools).extracting(t -> t.spec().name()).containsExactly("events_get_api_events_id", "events_post_api_events",
        "events_get_big", "events_get_slow", "events_get_leak", "events_get_redirect");
    assertThat(tools.getFirst().spec().description()).isEqualTo("Get one event (GET /api/events/{id} of events: The rig's event store)");
    assertThat(tools.getFirst().spec().parameters().toString()).contains("required=[id]");

    ToolOutcome get = call(tools, "events_get_api_events_id", "{\"id\":\"a b/c\",\"query\":{\"since\":\"2026-01-01\"}}");
    ToolOutcome post = call(tools, "events_post_api_events", "{\"body\":{\"type\":\"deploy\"}}");

    assertThat(get.isError()).isFalse();
    assertThat(get.content()).startsWith("HTTP 200\n");
    assertThat(seen).containsExactly(
        "GET /api/events/a%20b%2Fc?since=2026-01-01  auth=null",
        "POST /api/events {\"type\":\"deploy\"} auth=null");
    assertThat(post.content()).startsWith("HTTP 200");
  }

  @Test
  void hostsTheOperatorDidNotAllowAreNeitherOfferedNorCalled() {
    assertThat(offered(HttpToolProperties.allowing("api.example.com"), agent(base))).isEmpty();
    assertThat(offered(new HttpToolProperties(List.of(), Duration.ofSeconds(1), 100, 100), agent(base))).isEmpty();
    assertThat(seen).isEmpty();
  }

  @Test
  void capsResponsesTimesOutFollowsNoRedirectAndHidesKnownSecrets() {
    HttpToolProperties props = new HttpToolProperties(List.of("127.0.0.1"), Duration.ofMillis(500), 1_000, 100);
    List<AgentTool> tools = offered(props, agent(base));

    ToolOutcome big = call(tools, "events_get_big", "{}");
    ToolOutcome slow = call(tools, "events_get_slow", "{}");
    ToolOutcome leak = call(tools, "events_get_leak", "{}");
    ToolOutcome redirect = call(tools, "events_get_redirect", "{}");
    ToolOutcome tooBig = call(tools, "events_post_api_events", "{\"body\":{\"blob\":\"" + "y".repeat(200) + "\"}}");

    assertThat(big.content()).hasSizeLessThan(1_100).endsWith("[output truncated after 1000 bytes]");
    assertThat(slow.isError()).isTrue();
    assertThat(slow.content()).contains("timed out after 500 ms");
    assertThat(leak.content()).doesNotContain(SECRET).contains("[REDACTED]");
    assertThat(redirect.content()).startsWith("HTTP 302");
    assertThat(tooBig.isError()).isTrue();
    assertThat(tooBig.content()).contains("at most 100");
    assertThat(seen).noneMatch(s -> s.contains("169.254"));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
