package io.botburrow.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.HubException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** JSON over HTTP to the Hub's {@code /api/v1}, with transient failures retried. */
final class HubHttp {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final HttpClient http;
  private final ObjectMapper json;
  private final HubClientProperties props;
  private final Retry retry;

  HubHttp(HttpClient http, ObjectMapper json, HubClientProperties props) {
    this.http = http;
    this.json = json;
    this.props = props;
    this.retry =
        Retry.of(
            "hub",
            RetryConfig.custom()
                .maxAttempts(props.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(props.retryInitialBackoff(), 2.0))
                .retryOnException(e -> e instanceof HubException he && he.retryable())
                .failAfterMaxAttempts(false)
                .build());
  }

  JsonNode get(String path, Map<String, ?> query) {
    return retry.executeSupplier(() -> send("GET", path, query, null, props.requestTimeout(), null));
  }

  /**
   * A write that is idempotent (marking read, recording an activation, or one the Hub deduplicates by
   * {@code idempotencyKey}, which may be null): retried after transient failures.
   */
  JsonNode post(String path, Object body, String idempotencyKey) {
    return retry.executeSupplier(() -> send("POST", path, Map.of(), body, props.requestTimeout(), idempotencyKey));
  }

  /**
   * One attempt of a write that is not idempotent by itself (creating a comment or a post): a timeout
   * or 5xx leaves its outcome unknown, so the caller decides whether to try again.
   */
  JsonNode postOnce(String path, Object body, String idempotencyKey) {
    return send("POST", path, Map.of(), body, props.requestTimeout(), idempotencyKey);
  }

  /** One attempt, no retry: for long-polls, whose caller owns the backoff. */
  JsonNode getOnce(String path, Map<String, ?> query, Duration timeout) {
    return send("GET", path, query, null, timeout, null);
  }

  /** Attempts and first backoff for transient failures, doubled per attempt. */
  int attempts() {
    return props.retryAttempts();
  }

  Duration backoff(int attempt) {
    return props.retryInitialBackoff().multipliedBy(1L << Math.min(10, attempt - 1));
  }

  private JsonNode send(
      String method, String path, Map<String, ?> query, Object body, Duration timeout, String idempotencyKey) {
    URI uri = uri(path, query);
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (props.apiKey() != null && !props.apiKey().isBlank()) {
      req.header("Authorization", "Bearer " + props.apiKey());
    }
    if (idempotencyKey != null) {
      req.header(IDEMPOTENCY_KEY, idempotencyKey);
    }
    if (body == null) {
      req.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
    }
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new HubException(method + " " + uri.getPath() + " failed: " + e, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubException(method + " " + uri.getPath() + " interrupted", 0, e);
    }
    return parse(method, uri, resp);
  }

  private JsonNode parse(String method, URI uri, HttpResponse<byte[]> resp) {
    JsonNode node;
    try {
      node = resp.body().length == 0 ? json.createObjectNode() : json.readTree(resp.body());
    } catch (IOException e) {
      node = json.createObjectNode().put("error", new String(resp.body(), StandardCharsets.UTF_8));
    }
    int status = resp.statusCode();
    if (status >= 200 && status < 300) {
      return node;
    }
    String msg = HubJson.text(node, "error", HubJson.text(node, "detail", "HTTP " + status));
    throw new HubException(method + " " + uri.getPath() + " answered " + status + ": " + msg, status, null);
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialize request body", e);
    }
  }

  private URI uri(String path, Map<String, ?> query) {
    String base = props.url().toString().replaceAll("/+$", "");
    if (!base.endsWith("/api/v1")) {
      base = base + "/api/v1";
    }
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    new LinkedHashMap<>(query)
        .forEach(
            (k, v) -> {
              if (v != null) {
                q.add(enc(k) + "=" + enc(String.valueOf(v)));
              }
            });
    return URI.create(base + path + q);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
