package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Socket Mode of {@link FakeSlack}: a WebSocket that says {@code hello} and carries event envelopes,
 * keeping each until the app acknowledges it, so that a reconnecting app gets again what it missed.
 */
final class FakeSlackSocketMode implements MiniWebSocketServer.Handler, AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final MiniWebSocketServer socket;
  private final Map<String, ObjectNode> unacked = new ConcurrentHashMap<>();
  private final List<String> acks = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final CurrentConnection current = new CurrentConnection();

  FakeSlackSocketMode() throws IOException {
    socket = new MiniWebSocketServer(this);
  }

  /** The WebSocket URL {@code apps.connections.open} hands out, its ticket numbered by the connections so far. */
  String url() {
    return "ws://127.0.0.1:" + socket.port() + "/link/?ticket=t" + connections.get();
  }

  /** Sends an Events API payload in an envelope now, or when the app next connects; returns the envelope id. */
  String send(String eventCallback) throws IOException {
    String id = UUID.randomUUID().toString();
    ObjectNode envelope = json.createObjectNode().put("envelope_id", id).put("type", "events_api")
        .put("accepts_response_payload", false).put("retry_attempt", 0);
    envelope.set("payload", json.readTree(eventCallback));
    unacked.put(id, envelope);
    current.send(envelope.toString());
    return id;
  }

  List<String> acks() {
    return List.copyOf(acks);
  }

  int connections() {
    return connections.get();
  }

  boolean connected() {
    return current.connected();
  }

  /** Cuts the connection as a network failure would. */
  void drop() {
    current.drop();
  }

  @Override
  public void opened(MiniWebSocketServer.Connection c) {
    connections.incrementAndGet();
    current.set(c);
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
    current.closed(c);
  }

  @Override
  public void close() {
    socket.close();
  }
}
