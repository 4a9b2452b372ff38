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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Discord for tests: the REST API a bot uses (messages, reactions, threads, interaction
 * responses, {@code /users/@me}, rate-limit headers and an optional 429) and a Gateway that sends HELLO,
 * answers IDENTIFY with READY and RESUME with the events the client missed, and sends MESSAGE_CREATE
 * when a test posts as a person. {@link #dropGateway()} cuts the connection as a network failure would.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final String BOT_USER_ID = "900000000000000001";
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer http;
  private final MiniWebSocketServer gateway;
  private final String token;
  private final long heartbeatMs;
  private final AtomicLong ids = new AtomicLong(1_100_000_000_000_000_000L);
  private final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  private final List<String> reactions = new CopyOnWriteArrayList<>();
  private final Map<String, String> originals = new ConcurrentHashMap<>();
  private final List<ObjectNode> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private volatile MiniWebSocketServer.Connection current;
  private volatile String sessionId;
  private volatile int identifiedIntents = -1;

  private FakeDiscord(String token, long heartbeatMs) throws IOException {
    this.token = token;
    this.heartbeatMs = heartbeatMs;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/api/v10/", this::rest);
    http.start();
    gateway = new MiniWebSocketServer(new Gateway());
  }

  /** Starts the fake; the bot authenticates with {@code token}; heartbeats are asked every {@code heartbeatMs}. */
  public static FakeDiscord start(String token, long heartbeatMs) throws IOException {
    return new FakeDiscord(token, heartbeatMs);
  }

  public URI apiBaseUrl() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10");
  }

  public URI gatewayUrl() {
    return URI.create("ws://127.0.0.1:" + gateway.port() + "/?v=10&encoding=json");
  }

  /**
   * A person writes {@code content} in {@code channel}; the gateway sends MESSAGE_CREATE now, or on
   * RESUME when the bot is not connected. Returns the message id.
   */
  public String postAsPerson(String channel, String authorId, String content, boolean mentionBot) {
    String id = Long.toString(ids.incrementAndGet());
    ObjectNode d = json.createObjectNode().put("id", id).put("channel_id", channel).put("guild_id", "1")
        .put("content", (mentionBot ? "<@" + BOT_USER_ID + "> " : "") + content);
    d.putObject("author").put("id", authorId).put("username", "person-" + authorId).put("bot", false);
    ArrayNode mentions = d.putArray("mentions");
    if (mentionBot) {
      mentions.addObject().put("id", BOT_USER_ID).put("bot", true);
    }
    messages.add(d.deepCopy());
    dispatch("MESSAGE_CREATE", d);
    return id;
  }

  /** The messages the bot sent. */
  public List<JsonNode> botMessages() {
    return messages.stream().filter(m -> m.path("author").path("id").asText().equals(BOT_USER_ID))
        .map(m -> (JsonNode) m).toList();
  }

  /** {@code channel/message/emoji} of each reaction the bot added. */
  public List<String> reactions() {
    return List.copyOf(reactions);
  }

  /** The content each deferred interaction response was replaced with, by interaction token. */
  public Map<String, String> originals() {
    return Map.copyOf(originals);
  }

  public int identifies() {
    return identifies.get();
  }

  public int resumes() {
    return resumes.get();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  public int intents() {
    return identifiedIntents;
  }

  /** The next {@code n} REST requests get 429 with a short {@code retry_after}. */
  public void rateLimitNext(int n) {
    rateLimitNext.set(n);
  }

  /** How many requests were answered 429. */
  public int rateLimited() {
    return rateLimited.get();
  }

  /** Whether a bot is connected to the gateway. */
  public boolean gatewayConnected() {
    MiniWebSocketServer.Connection c = current;
    return c != null && c.open();
  }

  /** Cuts the gateway connection without a close frame; the session stays resumable. */
  public void dropGateway() {
    MiniWebSocketServer.Connection c = current;
    current = null;
    if (c != null) {
      c.drop();
    }
  }

  private synchronized void dispatch(String type, ObjectNode d) {
    ObjectNode event = json.createObjectNode().put("op", 0).put("t", type).put("s", events.size() + 1);
    event.set("d", d);
    events.add(event);
    MiniWebSocketServer.Connection c = current;
    if (c != null && sessionId != null) {
      c.send(event.toString());
    }
  }

  private final class Gateway implements MiniWebSocketServer.Handler {
    @Override
    public void opened(MiniWebSocketServer.Connection c) {
      ObjectNode hello = json.createObjectNode().put("op", 10).putNull("s").putNull("t");
      hello.putObject("d").put("heartbeat_interval", heartbeatMs);
      c.send(hello.toString());
    }

    @Override
    public void text(MiniWebSocketServer.Connection c, String text) {
      JsonNode in;
      try {
        in = json.readTree(text);
      } catch (IOException e) {
        c.drop();
        return;
      }
      JsonNode d = in.path("d");
      switch (in.path("op").asInt()) {
        case 1 -> {
          heartbeats.incrementAndGet();
          c.send("{\"op\":11}");
        }
        case 2 -> identify(c, d);
        case 6 -> resume(c, d);
        default -> { }
      }
    }

    @Override
    public void closed(MiniWebSocketServer.Connection c) {
      if (current == c) {
        current = null;
      }
    }

    private void identify(MiniWebSocketServer.Connection c, JsonNode d) {
      if (!token.equals(d.path("token").asText())) {
        c.drop();
        return;
      }
      identifies.incrementAndGet();
      identifiedIntents = d.path("intents").asInt();
      synchronized (FakeDiscord.this) {
        sessionId = "session-" + identifies.get();
        events.clear();
        current = c;
        ObjectNode ready = json.createObjectNode().put("v", 10).put("session_id", sessionId)
            .put("resume_gateway_url", "ws://127.0.0.1:" + gateway.port());
        ready.putObject("user").put("id", BOT_USER_ID).put("username", "botburrow").put("bot", true);
        dispatch("READY", ready);
      }
    }

    private void resume(MiniWebSocketServer.Connection c, JsonNode d) {
      synchronized (FakeDiscord.this) {
        if (!token.equals(d.path("token").asText()) || !d.path("session_id").asText().equals(sessionId)) {
          c.send("{\"op\":9,\"d\":false}");
          return;
        }
        resumes.incrementAndGet();
        current = c;
        long seq = d.path("seq").asLong();
        for (ObjectNode e : events) {
          if (e.path("s").asLong() > seq) {
            c.send(e.toString());
          }
        }
        dispatch("RESUMED", json.createObjectNode());
      }
    }
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
      send(ex, 200, json.createObjectNode().put("id", BOT_USER_ID).put("username", "botburrow").put("bot", true).toString());
    } else if (method.equals("POST") && parts.length == 4 && parts[1].equals("channels") && parts[3].equals("messages")) {
      send(ex, 200, createMessage(parts[2], body).toString());
    } else if (method.equals("GET") && parts.length == 4 && parts[1].equals("channels") && parts[3].equals("messages")) {
      String after = query(ex, "after");
      ArrayNode out = json.createArrayNode();
      List<ObjectNode> newestFirst = new ArrayList<>(messages);
      java.util.Collections.reverse(newestFirst);
      newestFirst.stream().filter(m -> m.path("channel_id").asText().equals(parts[2]))
          .filter(m -> after == null || Long.parseLong(m.path("id").asText()) > Long.parseLong(after)).forEach(out::add);
      send(ex, 200, out.toString());
    } else if (method.equals("PUT") && path.contains("/reactions/")) {
      reactions.add(parts[2] + "/" + parts[4] + "/" + java.net.URLDecoder.decode(parts[6], StandardCharsets.UTF_8));
      send(ex, 204, "");
    } else if (method.equals("PATCH") && parts.length == 6 && parts[1].equals("webhooks")) {
      originals.put(parts[3], body.path("content").asText());
      send(ex, 200, json.createObjectNode().put("id", "orig-" + parts[3]).put("content", body.path("content").asText()).toString());
    } else if (method.equals("POST") && path.endsWith("/threads")) {
      send(ex, 201, json.createObjectNode().put("id", Long.toString(ids.incrementAndGet())).put("name", body.path("name").asText()).toString());
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
    ObjectNode m = json.createObjectNode().put("id", Long.toString(ids.incrementAndGet())).put("channel_id", channel)
        .put("content", body.path("content").asText());
    m.putObject("author").put("id", BOT_USER_ID).put("bot", true);
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
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      ex.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(0);
    gateway.close();
  }
}
