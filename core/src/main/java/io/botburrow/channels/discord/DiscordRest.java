package io.botburrow.channels.discord;

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
import java.time.Clock;
import java.time.Duration;

/**
 * A thin client of Discord's REST API (messages, threads, reactions, interaction responses) over the
 * JDK's HttpClient. Honours rate limits: waits while a route's bucket is empty, and on a 429 waits the
 * {@code retry_after} it names and tries again (at most {@link #MAX_RETRIES} times, never longer than
 * {@link #MAX_WAIT} at once).
 */
public final class DiscordRest {
  static final int MAX_RETRIES = 3;
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private final HttpClient http;
  private final URI baseUrl;
  private final String token;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final RateLimits limits = new RateLimits();
  private final ObjectMapper json = new ObjectMapper();
  private volatile String botUserId;

  /** Waits; {@code Thread::sleep} outside tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** @param baseUrl {@code https://discord.com/api/v10} (a local fake in tests) */
  public DiscordRest(HttpClient http, URI baseUrl, String token, Clock clock, Sleeper sleeper, Duration timeout) {
    this.http = http;
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    this.token = token;
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  /** {@code POST /channels/{id}/messages}, a reply to {@code replyTo} when it is not null. */
  public JsonNode createMessage(String channel, String content, String replyTo, String nonce) {
    ObjectNode body = json.createObjectNode().put("content", content);
    if (replyTo != null) {
      body.putObject("message_reference").put("message_id", replyTo).put("fail_if_not_exists", false);
    }
    if (nonce != null) {
      // Discord returns the message already created with this nonce instead of creating another
      body.put("nonce", nonce).put("enforce_nonce", true);
    }
    body.putObject("allowed_mentions").putArray("parse");
    return send("POST", "/channels/" + channel + "/messages", body, "POST /channels/" + channel + "/messages");
  }

  /** Up to 100 messages of {@code channel} after {@code messageId}. */
  public JsonNode messagesAfter(String channel, String messageId) {
    return send("GET", "/channels/" + channel + "/messages?limit=100&after=" + messageId, null,
        "GET /channels/" + channel + "/messages");
  }

  /** {@code POST /channels/{id}/messages/{id}/threads}: a thread started from the message. */
  public JsonNode startThread(String channel, String messageId, String name) {
    ObjectNode body = json.createObjectNode().put("name", name.length() > 100 ? name.substring(0, 100) : name);
    return send("POST", "/channels/" + channel + "/messages/" + messageId + "/threads", body,
        "POST /channels/" + channel + "/messages/threads");
  }

  /** {@code PUT .../reactions/{emoji}/@me}. */
  public void addReaction(String channel, String messageId, String emoji) {
    send("PUT", "/channels/" + channel + "/messages/" + messageId + "/reactions/"
        + URLEncoder.encode(emoji, StandardCharsets.UTF_8) + "/@me", null, "PUT /channels/" + channel + "/reactions");
  }

  /** {@code PATCH /webhooks/{app}/{token}/messages/@original}: replaces a deferred interaction response. */
  public JsonNode editOriginal(String applicationId, String interactionToken, String content) {
    ObjectNode body = json.createObjectNode().put("content", content);
    body.putObject("allowed_mentions").putArray("parse");
    return send("PATCH", "/webhooks/" + applicationId + "/" + interactionToken + "/messages/@original", body,
        "PATCH /webhooks/" + applicationId + "/original");
  }

  /** The bot's own user id ({@code GET /users/@me}), asked once. */
  public String botUserId() {
    String id = botUserId;
    if (id == null) {
      id = send("GET", "/users/@me", null, "GET /users/@me").path("id").asText();
      botUserId = id;
    }
    return id;
  }

  private JsonNode send(String method, String path, ObjectNode body, String route) {
    for (int attempt = 0; ; attempt++) {
      pause(limits.delayBefore(route, clock.instant()), route);
      HttpResponse<String> response = exchange(method, path, body);
      limits.update(route, name -> response.headers().firstValue(name).orElse(null), clock.instant());
      int status = response.statusCode();
      if (status == 429 && attempt < MAX_RETRIES) {
        JsonNode err = parse(response.body(), method, path);
        Double after = err.hasNonNull("retry_after") ? err.get("retry_after").asDouble() : null;
        pause(RateLimits.retryAfter(after, response.headers().firstValue("Retry-After").orElse(null)), route);
        continue;
      }
      if (status == 204) {
        return json.createObjectNode();
      }
      if (status >= 200 && status < 300) {
        return parse(response.body(), method, path);
      }
      boolean retryable = status == 429 || status >= 500;
      throw new ChannelException("Discord " + route + " answered HTTP " + status, retryable);
    }
  }

  private void pause(Duration wait, String route) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    if (wait.compareTo(MAX_WAIT) > 0) {
      throw new ChannelException("Discord " + route + " is rate limited for " + wait.toSeconds() + " s", true);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted while Discord " + route + " was rate limited", true, e);
    }
  }

  private HttpResponse<String> exchange(String method, String path, ObjectNode body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
        .header("Authorization", "Bot " + token)
        .header("User-Agent", "DiscordBot (https://github.com/botburrow, 1.0)");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChannelException("Discord " + method + " unreachable: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted during Discord " + method, true, e);
    }
  }

  private JsonNode parse(String text, String method, String path) {
    try {
      return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
    } catch (IOException e) {
      throw new ChannelException("Discord " + method + " answered without JSON", false, e);
    }
  }
}
