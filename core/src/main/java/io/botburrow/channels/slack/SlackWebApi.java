package io.botburrow.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.channels.ChannelException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A thin client of the Slack Web API methods the adapter needs ({@code chat.postMessage},
 * {@code conversations.replies}, {@code reactions.add}, {@code auth.test}) over the JDK's HttpClient.
 * Slack answers errors with HTTP 200 and {@code "ok": false}; those become {@link ChannelException}s,
 * retryable for rate limits and Slack's own failures.
 */
public final class SlackWebApi {
  private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable",
      "request_timeout");
  private final HttpClient http;
  private final URI baseUrl;
  private final String token;
  private final ObjectMapper json = new ObjectMapper();
  private final Duration timeout;

  /** @param baseUrl the Web API's base, {@code https://slack.com/api/} (a local fake in tests) */
  public SlackWebApi(HttpClient http, URI baseUrl, String token, Duration timeout) {
    this.http = http;
    this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
    this.token = token;
    this.timeout = timeout;
  }

  /** {@code chat.postMessage}; returns the response (its {@code ts} names the message). */
  public JsonNode postMessage(ObjectNode message) {
    return call("chat.postMessage", message);
  }

  /** {@code conversations.replies} of the thread {@code ts} with message metadata. */
  public JsonNode replies(String channel, String ts) {
    return get("conversations.replies", Map.of("channel", channel, "ts", ts, "include_all_metadata", "true", "limit", "200"));
  }

  /** {@code reactions.add}; a reaction already there counts as added. */
  public void addReaction(String channel, String ts, String name) {
    ObjectNode body = json.createObjectNode().put("channel", channel).put("timestamp", ts).put("name", name);
    try {
      call("reactions.add", body);
    } catch (SlackApiError e) {
      if (!"already_reacted".equals(e.error)) {
        throw e;
      }
    }
  }

  /** {@code apps.connections.open} (with an app-level token): the WebSocket URL of a Socket Mode connection. */
  public java.net.URI openConnection() {
    return java.net.URI.create(call("apps.connections.open", json.createObjectNode()).path("url").asText());
  }

  /** {@code auth.test}: the bot's own user id. */
  public String botUserId() {
    return call("auth.test", json.createObjectNode()).path("user_id").asText();
  }

  public ObjectNode newObject() {
    return json.createObjectNode();
  }

  private JsonNode call(String method, ObjectNode body) {
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(method)).timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return send(method, request);
  }

  private JsonNode get(String method, Map<String, String> query) {
    String q = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(method + "?" + q)).timeout(timeout)
        .header("Authorization", "Bearer " + token).GET().build();
    return send(method, request);
  }

  private JsonNode send(String method, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChannelException("Slack " + method + " unreachable: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted during Slack " + method, true, e);
    }
    if (response.statusCode() == 429) {
      throw new SlackApiError(method, "ratelimited", true);
    }
    if (response.statusCode() >= 500) {
      throw new ChannelException("Slack " + method + " answered HTTP " + response.statusCode(), true);
    }
    JsonNode out;
    try {
      out = json.readTree(response.body());
    } catch (IOException e) {
      throw new ChannelException("Slack " + method + " answered HTTP " + response.statusCode() + " without JSON", false, e);
    }
    if (!out.path("ok").asBoolean(false)) {
      String error = out.path("error").asText("unknown_error");
      throw new SlackApiError(method, error, TRANSIENT.contains(error));
    }
    return out;
  }

  /** Slack answered {@code "ok": false}; {@link #error} is Slack's error code (no secret in it). */
  public static final class SlackApiError extends ChannelException {
    final String error;

    SlackApiError(String method, String error, boolean retryable) {
      super("Slack " + method + " failed: " + error, retryable);
      this.error = error;
    }

    public String error() {
      return error;
    }
  }
}
