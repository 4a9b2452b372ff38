package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Gateway of {@link FakeDiscord}: HELLO on connect, an ACK for each heartbeat, READY for an IDENTIFY
 * with the bot's token, and for a RESUME of the current session the events the client missed, which is
 * why it numbers and keeps every event of the session.
 */
final class FakeDiscordGateway implements MiniWebSocketServer.Handler, AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final MiniWebSocketServer server;
  private final String token;
  private final long heartbeatMs;
  private final List<ObjectNode> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final CurrentConnection current = new CurrentConnection();
  private volatile String sessionId;
  private volatile int identifiedIntents = -1;

  FakeDiscordGateway(String token, long heartbeatMs) throws IOException {
    this.token = token;
    this.heartbeatMs = heartbeatMs;
    server = new MiniWebSocketServer(this);
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/?v=10&encoding=json");
  }

  int identifies() {
    return identifies.get();
  }

  int resumes() {
    return resumes.get();
  }

  int heartbeats() {
    return heartbeats.get();
  }

  int intents() {
    return identifiedIntents;
  }

  boolean connected() {
    return current.connected();
  }

  /** Cuts the connection without a close frame; the session stays resumable. */
  void drop() {
    current.drop();
  }

  /** Sends the event {@code type} now if a session is connected; a RESUME replays it otherwise. */
  synchronized void dispatch(String type, ObjectNode d) {
    ObjectNode event = json.createObjectNode().put("op", 0).put("t", type).put("s", events.size() + 1);
    event.set("d", d);
    events.add(event);
    if (sessionId != null) {
      current.send(event.toString());
    }
  }

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
    current.closed(c);
  }

  private void identify(MiniWebSocketServer.Connection c, JsonNode d) {
    if (!token.equals(d.path("token").asText())) {
      c.drop();
      return;
    }
    identifies.incrementAndGet();
    identifiedIntents = d.path("intents").asInt();
    synchronized (this) {
      sessionId = "session-" + identifies.get();
      events.clear();
      current.set(c);
      ObjectNode ready = json.createObjectNode().put("v", 10).put("session_id", sessionId)
          .put("resume_gateway_url", "ws://127.0.0.1:" + server.port());
      ready.putObject("user").put("id", FakeDiscord.BOT_USER_ID).put("username", "botburrow").put("bot", true);
      dispatch("READY", ready);
    }
  }

  private void resume(MiniWebSocketServer.Connection c, JsonNode d) {
    synchronized (this) {
      if (!token.equals(d.path("token").asText()) || !d.path("session_id").asText().equals(sessionId)) {
        c.send("{\"op\":9,\"d\":false}");
        return;
      }
      resumes.incrementAndGet();
      current.set(c);
      long seq = d.path("seq").asLong();
      for (ObjectNode e : events) {
        if (e.path("s").asLong() > seq) {
          c.send(e.toString());
        }
      }
      dispatch("RESUMED", json.createObjectNode());
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
