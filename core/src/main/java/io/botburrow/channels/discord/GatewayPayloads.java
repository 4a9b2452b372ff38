package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The payloads a bot sends on the Discord Gateway (IDENTIFY, RESUME, heartbeat), as the text of a frame. */
final class GatewayPayloads {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GatewayPayloads() {}

  /** IDENTIFY: a fresh session with these intents. */
  static String identify(String token, int intents) {
    ObjectNode d = JSON.objectNode().put("token", token).put("intents", intents);
    d.putObject("properties").put("os", "linux").put("browser", "botburrow").put("device", "botburrow");
    return payload(2, d);
  }

  /** RESUME: the session continues after {@code sequence}, and Discord replays what came later. */
  static String resume(String token, String sessionId, long sequence) {
    return payload(6, JSON.objectNode().put("token", token).put("session_id", sessionId).put("seq", sequence));
  }

  /** A heartbeat naming the last sequence received, or null before the first. */
  static String heartbeat(long sequence) {
    ObjectNode beat = JSON.objectNode().put("op", 1);
    if (sequence >= 0) {
      beat.put("d", sequence);
    } else {
      beat.putNull("d");
    }
    return beat.toString();
  }

  private static String payload(int op, JsonNode d) {
    ObjectNode payload = JSON.objectNode().put("op", op);
    payload.set("d", d);
    return payload.toString();
  }
}
