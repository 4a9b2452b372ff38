package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Web API of {@link FakeSlack} and the messages the bot posted: the bot's token checked, an optional
 * 429, then {@code chat.postMessage}, {@code conversations.replies}, {@code reactions.add}, {@code
 * auth.test}, and {@code apps.connections.open} for the holder of the app-level token.
 */
final class FakeSlackWebApi implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer http;
  private final String token;
  private final String appToken;
  private final FakeSlackSocketMode socketMode;
  private final AtomicLong clock = new AtomicLong(1_767_000_000_000_000L);
  private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  private final List<String> reactions = new CopyOnWriteArrayList<>();
  private final AtomicInteger rateLimitNext = new AtomicInteger();

  FakeSlackWebApi(String token, String appToken, FakeSlackSocketMode socketMode) throws IOException {
    this.token = token;
    this.appToken = appToken;
    this.socketMode = socketMode;
    http = FakeHttp.start("/api/", this::handle);
  }

  URI baseUrl() {
    return FakeHttp.url(http, "/api/");
  }

  /** A new message timestamp, as Slack gives them ({@code seconds.micros}). */
  String nextTs() {
    long micros = clock.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  List<JsonNode> botMessages() {
    return List.copyOf(messages);
  }

  List<String> reactions() {
    return List.copyOf(reactions);
  }

  void rateLimitNext(int n) {
    rateLimitNext.set(n);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        ex.getResponseHeaders().add("Retry-After", "1");
        FakeHttp.send(ex, 429, null, "{\"ok\":false,\"error\":\"ratelimited\"}");
        return;
      }
      if (method.equals("apps.connections.open")) {
        boolean app = appToken != null && ("Bearer " + appToken).equals(ex.getRequestHeaders().getFirst("Authorization"));
        send(ex, app ? ok().put("url", socketMode.url()) : error("invalid_auth"));
        return;
      }
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, error("not_authed"));
        return;
      }
      send(ex, answer(method, params(ex)));
    }
  }

  /** The answer to an authorized call of {@code method}. */
  private ObjectNode answer(String method, ObjectNode body) {
    return switch (method) {
      case "auth.test" -> ok().put("user_id", FakeSlack.BOT_USER_ID).put("team_id", FakeSlack.TEAM);
      case "chat.postMessage" -> post(body);
      case "conversations.replies" -> replies(body.path("channel").asText(null), body.path("ts").asText(null));
      case "reactions.add" -> react(body);
      default -> error("unknown_method");
    };
  }

  private ObjectNode post(JsonNode body) {
    if (!body.hasNonNull("channel") || !body.hasNonNull("text")) {
      return error("invalid_arguments");
    }
    ObjectNode m = json.createObjectNode().put("type", "message").put("user", FakeSlack.BOT_USER_ID)
        .put("bot_id", "B0BOT").put("channel", body.get("channel").asText()).put("text", body.get("text").asText())
        .put("ts", nextTs());
    if (body.hasNonNull("thread_ts")) {
      m.put("thread_ts", body.get("thread_ts").asText());
    }
    if (body.has("metadata")) {
      m.set("metadata", body.get("metadata"));
    }
    messages.add(m);
    ObjectNode out = ok().put("channel", m.get("channel").asText()).put("ts", m.get("ts").asText());
    out.set("message", m);
    return out;
  }

  private ObjectNode replies(String channel, String ts) {
    if (channel == null || ts == null) {
      return error("invalid_arguments");
    }
    ObjectNode out = ok();
    ArrayNode list = out.putArray("messages");
    messages.stream().filter(m -> m.path("channel").asText().equals(channel) && m.path("thread_ts").asText().equals(ts))
        .forEach(list::add);
    return out;
  }

  private ObjectNode react(JsonNode body) {
    String r = body.path("channel").asText() + "/" + body.path("timestamp").asText() + "/" + body.path("name").asText();
    if (reactions.contains(r)) {
      return error("already_reacted");
    }
    reactions.add(r);
    return ok();
  }

  private ObjectNode ok() {
    return json.createObjectNode().put("ok", true);
  }

  private ObjectNode error(String code) {
    return json.createObjectNode().put("ok", false).put("error", code);
  }

  /**
   * The call's arguments, as Slack reads them: from the query string and from a form-encoded or JSON body
   * (the SDK posts forms; a JSON-valued form field such as {@code metadata} is read as JSON).
   */
  private ObjectNode params(HttpExchange ex) throws IOException {
    ObjectNode out = json.createObjectNode();
    formFields(ex.getRequestURI().getRawQuery(), out);
    byte[] raw = ex.getRequestBody().readAllBytes();
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    if (type.startsWith("application/x-www-form-urlencoded")) {
      formFields(new String(raw, StandardCharsets.UTF_8), out);
      if (out.path("metadata").isTextual()) {
        out.set("metadata", json.readTree(out.get("metadata").asText()));
      }
    } else if (raw.length > 0) {
      out.setAll((ObjectNode) json.readTree(raw));
    }
    return out;
  }

  private static void formFields(String encoded, ObjectNode into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange ex, ObjectNode body) throws IOException {
    FakeHttp.send(ex, 200, "application/json; charset=utf-8", body.toString());
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
