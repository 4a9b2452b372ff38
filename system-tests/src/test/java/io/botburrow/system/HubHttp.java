package io.botburrow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What a person or an operator does over HTTP in the tests: plain requests against the running services. */
final class HubHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  HubHttp(URI base) {
    this.base = base;
  }

  JsonNode get(String path, String bearer) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), bearer);
  }

  JsonNode post(String path, String bearer, Map<String, ?> body) {
    try {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
          bearer);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String text(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder req, String bearer) {
    if (bearer != null) {
      req.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> r = http.send(req.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
