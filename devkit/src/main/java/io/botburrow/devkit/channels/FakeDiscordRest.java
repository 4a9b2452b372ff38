package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The REST API of {@link FakeDiscord} and the messages in its channels: the bot's token checked, rate-limit
 * headers and an optional 429, then messages (sent once per nonce, listed), reactions, threads,
 * interaction responses and {@code /users/@me}.
 */
final class FakeDiscordRest implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer http;
  private final String token;
  private final AtomicLong ids = new AtomicLong(1_100_000_000_000_000_000L);
  private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  private final List<String> reactions = new CopyOnWriteArrayList<>();
  private final Map<String, String> originals = new ConcurrentHashMap<>();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();

  FakeDiscordRest(String token) throws IOException {
    this.token = token;
    http = FakeHttp.start("/api/v10/", this::rest);
  }

  URI baseUrl() {
    return FakeHttp.url(http, "/api/v10");
  }

  /** A new snowflake, for messages and threads. */
  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** Puts a message someone else wrote in its channel. */
  void add(ObjectNode message) {
    messages.add(message);
  }

  List<JsonNode> botMessages() {
    return messages.stream().filter(m -> m.path("author").path("id").asText().equals(FakeDiscord.BOT_USER_ID))
        .map(m -> (JsonNode) m).toList();
  }

  List<String> reactions() {
    return List.copyOf(reactions);
  }

  Map<String, String> originals() {
    return Map.copyOf(originals);
  }

  void rateLimitNext(int n) {
    rateLimitNext.set(n);
  }

  int rateLimited() {
    return rateLimited.get();
  }

  private void rest(HttpExchange ex) throws IOException {
    try (ex) {
      if (!("Bot " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
        return;
      }
      if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        rateLimited.incrementAndGet();
        ex.getResponseHeaders().add("Retry-After", "0.05");
        send(ex, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.05,\"global\":false}");
        return;
      }
      ex.getResponseHeaders().add("X-RateLimit-Bucket", "fake-bucket");
      ex.getResponseHeaders().add("X-RateLimit-Remaining", "4");
      ex.getResponseHeaders().add("X-RateLimit-Reset-After", "1.0");
      String path = ex.getRequestURI().getPath().substring("/api/v10".length());
      String[] parts = path.split("/");
      route(ex, ex.getRequestMethod(), path, parts);
    }
  }

  private void route(HttpExchange ex, String method, String path, String[] parts) throws IOException {
    byte[] raw = ex.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
    if (method.equals("GET") && path.equals("/users/@me")) {
      send(ex, 200, json.createObjectNode().put("id", FakeDiscord.BOT_USER_ID).put("username", "botburrow").put("bot", true).toString());
    } else if (method.equals("POST") && parts.length == 4 && parts[1].equals("channels") && parts[3].equals("messages")) {
      send(ex, 200, createMessage(parts[2], body).toString());
    } else if (method.equals("GET") && parts.length == 4 && parts[1].equals("channels") && parts[3].equals("messages")) {
      send(ex, 200, messagesIn(parts[2], query(ex, "after")).toString());
    } else if (method.equals("PUT") && path.contains("/reactions/")) {
      reactions.add(parts[2] + "/" + parts[4] + "/" + java.net.URLDecoder.decode(parts[6], StandardCharsets.UTF_8));
      send(ex, 204, "");
    } else if (method.equals("PATCH") && parts.length == 6 && parts[1].equals("webhooks")) {
      originals.put(parts[3], body.path("content").asText());
      send(ex, 200, json.createObjectNode().put("id", "orig-" + parts[3]).put("content", body.path("content").asText()).toString());
    } else if (method.equals("POST") && path.endsWith("/threads")) {
      send(ex, 201, json.createObjectNode().put("id", nextId()).put("name", body.path("name").asText()).toString());
    } else {
      send(ex, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
    }
  }

  private synchronized ObjectNode createMessage(String channel, JsonNode body) {
    String nonce = body.path("nonce").asText(null);
    if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
      for (ObjectNode m : messages) {
        if (nonce.equals(m.path("nonce").asText(null))) {
          return m;
        }
      }
    }
    ObjectNode m = json.createObjectNode().put("id", nextId()).put("channel_id", channel)
        .put("content", body.path("content").asText());
    m.putObject("author").put("id", FakeDiscord.BOT_USER_ID).put("bot", true);
    if (nonce != null) {
      m.put("nonce", nonce);
    }
    if (body.has("message_reference")) {
      m.putObject("message_reference").put("message_id", body.path("message_reference").path("message_id").asText())
          .put("channel_id", channel);
    }
    messages.add(m);
    return m;
  }

  /** A channel's messages, newest first, after the message {@code after} when it is given. */
  private ArrayNode messagesIn(String channel, String after) {
    ArrayNode out = json.createArrayNode();
    List<ObjectNode> newestFirst = new ArrayList<>(messages);
    java.util.Collections.reverse(newestFirst);
    newestFirst.stream().filter(m -> m.path("channel_id").asText().equals(channel))
        .filter(m -> after == null || Long.parseLong(m.path("id").asText()) > Long.parseLong(after)).forEach(out::add);
    return out;
  }

  private static String query(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    FakeHttp.send(ex, status, "application/json", body);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
