package io.botburrow.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The runner's pod-deletion-cost against an HTTP server of ours that checks each request as the
 * Kubernetes API server would: the pod's path, the service account's bearer token, a JSON merge patch
 * that sets only the annotation, with a string value.
 */
class DeletionCostReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "eyJhbGciOi.service-account.token";
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> costs = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseWith = new AtomicInteger();
  private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());
  private HttpServer apiServer;
  private DeletionCostReporter reporter;
  private Path tokenFile;

  @BeforeEach
  void startApiServer(@TempDir Path dir) throws IOException {
    tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    apiServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    apiServer.createContext("/", this::handle);
    apiServer.start();
  }

  @AfterEach
  void stop() {
    if (reporter != null) {
      reporter.close();
    }
    apiServer.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "Unauthorized");
      } else if (!exchange.getRequestURI().getPath().equals("/api/v1/namespaces/botburrow/pods/runner-hybrid-7d9f-abcde")) {
        answer(exchange, 404, "pods \"" + exchange.getRequestURI().getPath() + "\" not found");
      } else if (!exchange.getRequestMethod().equals("PATCH")) {
        answer(exchange, 405, "method not allowed");
      } else if (!PodApi.MERGE_PATCH.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        answer(exchange, 415, "the body of the request was in an unknown format");
      } else if (refuseWith.get() != 0) {
        answer(exchange, refuseWith.get(), "pods \"runner-hybrid-7d9f-abcde\" is forbidden: User cannot patch resource");
      } else {
        JsonNode patch = JSON.readTree(body);
        JsonNode annotations = patch.path("metadata").path("annotations");
        // a merge patch that touches anything else would change the pod beyond its annotation
        if (patch.size() != 1 || patch.path("metadata").size() != 1 || annotations.size() != 1
            || !annotations.path(DeletionCost.ANNOTATION).isTextual()) {
          answer(exchange, 422, "unexpected patch " + patch);
          return;
        }
        costs.add(annotations.path(DeletionCost.ANNOTATION).asText());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] pod = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, pod.length);
        exchange.getResponseBody().write(pod);
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(java.util.Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
        "message", message, "code", status));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private DeletionCostReporter start(Duration interval) {
    PodApi api = new PodApi(HttpClient.newHttpClient(),
        URI.create("http://127.0.0.1:" + apiServer.getAddress().getPort()), tokenFile);
    reporter = new DeletionCostReporter(api, "botburrow", "runner-hybrid-7d9f-abcde", oldest::get, Clock.systemUTC(),
        interval, meters);
    reporter.start();
    return reporter;
  }

  private double failures() {
    return meters.get("botburrow.runner.deletion.cost.failures").counter().count();
  }

  @Test
  void anIdlePodCostsNothingAndABusyOneTheAgeOfItsOldestActivation() {
    start(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(5)).until(() -> costs.contains("0"));

    oldest.set(Optional.of(Instant.now().minusSeconds(42)));
    await().atMost(Duration.ofSeconds(5)).until(() -> costs.size() == 2);
    assertThat(Integer.parseInt(costs.get(1))).isBetween(43, 46);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        meters.get("botburrow.runner.deletion.cost").gauge().value()).isEqualTo(Integer.parseInt(costs.get(1))));

    oldest.set(Optional.empty());
    await().atMost(Duration.ofSeconds(5)).until(() -> costs.size() == 3);
    assertThat(costs.get(2)).isEqualTo("0");
    assertThat(failures()).isZero();
  }

  @Test
  void aRefusedPatchIsCountedLoggedOnceAndRetriedUntilItPasses() {
    Logger log = (Logger) LoggerFactory.getLogger(DeletionCostReporter.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    log.addAppender(events);
    try {
      refuseWith.set(403);
      start(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(10)).until(() -> failures() >= 3);
      List<ILoggingEvent> warnings = logged(events).stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.getFirst().getFormattedMessage()).contains("403", "forbidden").doesNotContain(TOKEN);

      refuseWith.set(0);
      // the API server records the patch before it answers, and the reporter logs only once the answer is in
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logged(events))
          .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("updated again")));
      assertThat(costs).contains("0");
    } finally {
      log.detachAppender(events);
    }
  }

  /** A copy taken under the appender's lock: the reporter's thread keeps appending while the test reads. */
  private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> events) {
    synchronized (events) {
      return List.copyOf(events.list);
    }
  }

  @Test
  void theTokenIsReadAgainForEachPatchBecauseTheKubeletRotatesIt() throws IOException {
    Files.writeString(tokenFile, "an-expired-token");
    start(Duration.ofSeconds(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> failures() >= 1);

    Files.writeString(tokenFile, TOKEN);
    await().atMost(Duration.ofSeconds(5)).until(() -> costs.contains("0"));
  }
}
