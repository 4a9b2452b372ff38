package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The coordinator's dashboard page, and its live feed showing an activation as it runs. */
class DashboardIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalSystem system;
  private static URI coordinator;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    system = new LocalSystem(List.of("reader-agent"));
    coordinator = URI.create(io.botburrow.cli.Services.url(system.coordinator));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void thePageIsServedAndTheFeedNeedsTheOperatorKey() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/dashboard")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/dashboard/dashboard.js")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/api/v1/operator/events")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Botburrow dashboard</title>").contains("src=\"/dashboard/dashboard.js\"")
        .doesNotContain(LocalSystem.OPERATOR_KEY);
    assertThat(script.body()).contains("/api/v1/operator/events").contains("/requeue").contains("/reset").contains("/log");
    assertThat(page.body()).contains("data-hub=\"" + system.hub.baseUrl() + "\"");
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void theOperatorApiListsTheIdleRunnerWithItsSlotsAndRefusesBadRequests() throws Exception {
    HubHttp api = system.coordinatorHttp();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/operator/runners", LocalSystem.OPERATOR_KEY)
        .path("runners")).anySatisfy(r -> {
          assertThat(r.path("pool").asText()).isEqualTo("hybrid");
          assertThat(r.path("slots").asInt()).isEqualTo(4);
          assertThat(r.path("silent").asBoolean()).isFalse();
        }));

    assertThat(status(post("/api/v1/operator/circuits/nobody-agent/reset", LocalSystem.OPERATOR_KEY))).isEqualTo(404);
    assertThat(status(post("/api/v1/operator/circuits/nobody-agent/reset", null))).isEqualTo(401);
    assertThat(status(get("/api/v1/operator/activations/not-an-id/log", LocalSystem.OPERATOR_KEY))).isEqualTo(400);
    assertThat(status(get("/api/v1/operator/activations/0123456789abcdef0123456789ab/log", null))).isEqualTo(401);
    assertThat(status(get("/api/v1/operator/usage?days=0", LocalSystem.OPERATOR_KEY))).isEqualTo(400);
    assertThat(status(get("/api/v1/operator/usage", null))).isEqualTo(401);
  }

  private static HttpRequest get(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(coordinator.resolve(path));
    return (key == null ? b : b.header("X-Admin-Key", key)).build();
  }

  private static HttpRequest post(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(coordinator.resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
    return (key == null ? b : b.header("X-Admin-Key", key)).build();
  }

  private static int status(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theFeedShowsAnActivationLiveWithItsModelAndToolCalls() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest events = HttpRequest.newBuilder(coordinator.resolve("/api/v1/operator/events"))
        .header("X-Admin-Key", LocalSystem.OPERATOR_KEY).build();
    var stream = HTTP.sendAsync(events, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    // "event: name" and "event:name" are the same field
    Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(l -> lines.add(l.replaceFirst("^(event|data): ", "$1:"))));
    try {
      HubHttp hub = system.hubHttp();
      String ron = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
      system.llm.enqueueFor("live feed", ScriptedTurn.toolCall("hub_search", "{\"query\":\"feeds\"}").withUsage(30, 6));
      system.llm.enqueueFor("live feed", ScriptedTurn.text("Feeds are live.").withUsage(40, 5));
      hub.post("/api/v1/posts", ron, Map.of("title", "Q", "content", "@reader-agent is the live feed on?"));

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines).contains("event:finished"));
      assertThat(lines).containsSubsequence("event:started", "event:model_call", "event:tool_call", "event:model_call",
          "event:reply", "event:finished");
      assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("\"type\":\"tool_call\"")
          && l.contains("\"name\":\"hub_search\"") && l.contains("\"agent\":\"reader-agent\""));
      assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("\"type\":\"model_call\"")
          && l.contains("\"input_tokens\":40"));

      // the day's usage counts both model calls, and the activation's log holds the runner's lines
      JsonNode today = system.coordinatorHttp().get("/api/v1/operator/usage?days=1", LocalSystem.OPERATOR_KEY).path("days").get(0);
      assertThat(today.path("agents").path("reader-agent").path("tokens").asLong()).isEqualTo(30 + 6 + 40 + 5);
      assertThat(today.path("agents").path("reader-agent").path("activations").asInt()).isEqualTo(1);
      String activation = lines.stream().filter(l -> l.startsWith("data:") && l.contains("\"type\":\"finished\""))
          .map(l -> l.replaceFirst(".*\"activation\":\"([0-9a-f]+)\".*", "$1")).findFirst().orElseThrow();
      List<String> log = new CopyOnWriteArrayList<>();
      var logResponse = HTTP.send(HttpRequest.newBuilder(coordinator.resolve("/api/v1/operator/activations/" + activation + "/log"))
          .header("X-Admin-Key", LocalSystem.OPERATOR_KEY).build(), HttpResponse.BodyHandlers.ofLines());
      Thread logReader = Thread.ofVirtual().start(() -> logResponse.body().forEach(log::add));
      try {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log)
            .anyMatch(l -> l.startsWith("data:") && l.contains("INFO NotificationWork Agent(name=reader-agent) answered notification")));
        assertThat(log).contains("event: line");
      } finally {
        logResponse.body().close();
        logReader.interrupt();
      }
    } finally {
      response.body().close();
      reader.interrupt();
    }
  }
}
