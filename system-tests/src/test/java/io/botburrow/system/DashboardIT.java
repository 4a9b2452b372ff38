package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    assertThat(script.body()).contains("/api/v1/operator/events").contains("/requeue");
    assertThat(anonymous.statusCode()).isEqualTo(401);
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
    } finally {
      response.body().close();
      reader.interrupt();
    }
  }
}
