package io.botburrow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The benchmark's person on the Hub: posts mentions and asks whether any agent still has unread work. */
final class BenchHub {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String adminKey;
  private final String personKey;

  BenchHub(URI base, String adminKey, String person) {
    this.base = base;
    this.adminKey = adminKey;
    this.personKey = send(post("/api/v1/dev/session", null, Map.of("name", person))).path("api_key").asText();
  }

  /** A post that mentions {@code agent}: when the Hub created it, and how long the POST took. */
  record Posted(String agent, Instant createdAt, double roundTripMillis) {}

  Posted mention(String agent, String question) {
    long start = System.nanoTime();
    JsonNode body = send(post("/api/v1/posts", personKey, Map.of("title", "Benchmark", "content", "@" + agent + " " + question)));
    double roundTrip = (System.nanoTime() - start) / 1e6;
    return new Posted(agent, Instant.parse(body.path("created_at").asText()), roundTrip);
  }

  /** Whether any agent has unread notifications (work not yet handled). */
  boolean anyUnread() {
    JsonNode body = send(HttpRequest.newBuilder(base.resolve("/api/v1/agents?has_notifications=true"))
        .header("Authorization", "Bearer " + adminKey).GET());
    return !body.path("agents").isEmpty();
  }

  private HttpRequest.Builder post(String path, String key, Map<String, ?> body) {
    try {
      HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      return key == null ? req : req.header("Authorization", "Bearer " + key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder req) {
    try {
      HttpResponse<String> r = http.send(req.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
