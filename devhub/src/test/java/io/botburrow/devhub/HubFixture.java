package io.botburrow.devhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A Hub on a random port and a plain JDK HTTP client speaking to it, as any client would. */
final class HubFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final DevHubServer server;
  final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private HubFixture(DevHubServer server) {
    this.server = server;
  }

  static HubFixture start() {
    return start(Map.of());
  }

  static HubFixture start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putIfAbsent("micronaut.server.port", -1);
    return new HubFixture(DevHubServer.start(all));
  }

  String admin() {
    return server.adminKey();
  }

  /** A response as the client sees it. */
  record Reply(int status, String text, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  Reply get(String path, String key) {
    return send(request(path, key).GET().build());
  }

  Reply delete(String path, String key) {
    return send(request(path, key).DELETE().build());
  }

  Reply post(String path, String key, Object body) {
    return send(request(path, key).POST(HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  Reply patch(String path, String key, Object body) {
    return send(request(path, key).method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))).build());
  }

  CompletableFuture<Reply> getAsync(String path, String key) {
    return http.sendAsync(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.body(), r));
  }

  CompletableFuture<Reply> postAsync(String path, String key, Object body) {
    HttpRequest request = request(path, key).POST(HttpRequest.BodyPublishers.ofString(text(body))).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.body(), r));
  }

  /** Registers a member with the admin key and returns its API key. */
  String register(String name, String type) {
    Reply reply = post("/api/v1/agents/register", admin(), Map.of("name", name, "type", type));
    if (reply.status() != 201) {
      throw new AssertionError("register " + name + ": " + reply);
    }
    return reply.json().get("api_key").asText();
  }

  HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json");
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object body) {
    if (body instanceof String raw) {
      return raw;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
