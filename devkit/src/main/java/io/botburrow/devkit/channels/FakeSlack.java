package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Slack Web API for tests: {@code chat.postMessage} (with message metadata),
 * {@code conversations.replies}, {@code reactions.add} and {@code auth.test}, answering as Slack does
 * ({@code "ok": false} with an error code, {@code not_authed} without the bot token); and Socket Mode:
 * {@code apps.connections.open} with the app-level token names a WebSocket that says {@code hello} and
 * carries event envelopes, resending those not acknowledged when the app reconnects.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_USER_ID = "U0BOTBURROW";
  public static final String TEAM = "T0TEAM";
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer http;
  private final String token;
  private final AtomicLong clock = new AtomicLong(1_767_000_000_000_000L);
  private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  private final List<String> reactions = new CopyOnWriteArrayList<>();
  private final String appToken;
  private final MiniWebSocketServer socket;
  private final Map<String, ObjectNode> unacked = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> acks = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
  private volatile MiniWebSocketServer.Connection current;
  private final java.util.concurrent.atomic.AtomicInteger rateLimitNext = new java.util.concurrent.atomic.AtomicInteger();

  private FakeSlack(String token, String appToken) throws IOException {
    this.token = token;
    this.appToken = appToken;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/api/", this::handle);
    http.start();
    socket = new MiniWebSocketServer(new SocketMode());
  }

  public static FakeSlack start(String botToken) throws IOException {
    return new FakeSlack(botToken, null);
  }

  /** A fake that also serves Socket Mode to the holder of {@code appToken}. */
  public static FakeSlack start(String botToken, String appToken) throws IOException {
    return new FakeSlack(botToken, appToken);
  }

  /**
   * Sends an Events API payload over Socket Mode (now, or when the app next connects); returns the
   * envelope id. It is sent again on every new connection until the app acknowledges it.
   */
  public String sendOverSocket(String eventCallback) throws IOException {
    String id = java.util.UUID.randomUUID().toString();
    ObjectNode envelope = json.createObjectNode().put("envelope_id", id).put("type", "events_api")
        .put("accepts_response_payload", false).put("retry_attempt", 0);
    envelope.set("payload", json.readTree(eventCallback));
    unacked.put(id, envelope);
    MiniWebSocketServer.Connection c = current;
    if (c != null) {
      c.send(envelope.toString());
    }
    return id;
  }

  /** Envelope ids the app acknowledged. */
  public List<String> acks() {
    return List.copyOf(acks);
  }

  /** How many Socket Mode connections the app opened. */
  public int socketConnections() {
    return connections.get();
  }

  /** Whether the app holds a Socket Mode connection. */
  public boolean socketConnected() {
    MiniWebSocketServer.Connection c = current;
    return c != null && c.open();
  }

  /** Cuts the Socket Mode connection as a network failure would. */
  public void dropSocket() {
    MiniWebSocketServer.Connection c = current;
    current = null;
    if (c != null) {
      c.drop();
    }
  }

  private final class SocketMode implements MiniWebSocketServer.Handler {
    @Override
    public void opened(MiniWebSocketServer.Connection c) {
      connections.incrementAndGet();
      current = c;
      c.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0APP\"}}");
      for (ObjectNode envelope : unacked.values()) {
        envelope.put("retry_attempt", envelope.path("retry_attempt").asInt() + 1);
        c.send(envelope.toString());
      }
    }

    @Override
    public void text(MiniWebSocketServer.Connection c, String text) {
      try {
        String id = json.readTree(text).path("envelope_id").asText("");
        if (unacked.remove(id) != null) {
          acks.add(id);
        }
      } catch (IOException e) {
        c.drop();
      }
    }

    @Override
    public void closed(MiniWebSocketServer.Connection c) {
      if (current == c) {
        current = null;
      }
    }
  }

  /** The next {@code n} Web API calls are answered HTTP 429 with {@code Retry-After}, as Slack limits a method. */
  public void rateLimitNext(int n) {
    rateLimitNext.set(n);
  }

  /** The Web API base, for {@code botburrow.channels.slack.base-url}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/");
  }

  /** A new message timestamp, as Slack gives them ({@code seconds.micros}). */
  public String nextTs() {
    long micros = clock.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }

  /** What the bot posted. */
  public List<JsonNode> botMessages() {
    return List.copyOf(messages);
  }

  /** {@code channel/ts/name} of each reaction the bot added. */
  public List<String> reactions() {
    return List.copyOf(reactions);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        byte[] limited = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Retry-After", "1");
        ex.sendResponseHeaders(429, limited.length);
        ex.getResponseBody().write(limited);
        return;
      }
      if (method.equals("apps.connections.open")) {
        boolean app = appToken != null && ("Bearer " + appToken).equals(ex.getRequestHeaders().getFirst("Authorization"));
        send(ex, app ? ok().put("url", "ws://127.0.0.1:" + socket.port() + "/link/?ticket=t" + connections.get())
            : error("invalid_auth"));
        return;
      }
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, error("not_authed"));
        return;
      }
      ObjectNode body = params(ex);
      switch (method) {
        case "auth.test" -> send(ex, ok().put("user_id", BOT_USER_ID).put("team_id", TEAM));
        case "chat.postMessage" -> send(ex, post(body));
        case "conversations.replies" -> send(ex, replies(body.path("channel").asText(null), body.path("ts").asText(null)));
        case "reactions.add" -> {
          String r = body.path("channel").asText() + "/" + body.path("timestamp").asText() + "/" + body.path("name").asText();
          if (reactions.contains(r)) {
            send(ex, error("already_reacted"));
          } else {
            reactions.add(r);
            send(ex, ok());
          }
        }
        default -> send(ex, error("unknown_method"));
      }
    }
  }

  private ObjectNode post(JsonNode body) {
    if (!body.hasNonNull("channel") || !body.hasNonNull("text")) {
      return error("invalid_arguments");
    }
    ObjectNode m = json.createObjectNode().put("type", "message").put("user", BOT_USER_ID).put("bot_id", "B0BOT")
        .put("channel", body.get("channel").asText()).put("text", body.get("text").asText()).put("ts", nextTs());
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
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    http.stop(0);
    socket.close();
  }
}
