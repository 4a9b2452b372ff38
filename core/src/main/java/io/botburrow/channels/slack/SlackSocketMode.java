package io.botburrow.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.channels.ReconnectingSocket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode over the JDK's WebSocket: {@code apps.connections.open} with the app-level token
 * names a URL, Slack sends {@code hello} and then envelopes of Events API payloads. An envelope is
 * acknowledged once the handler took it ({@code {"envelope_id": ...}}); one the handler could not take
 * (Redis unreachable) is left unacknowledged, so Slack sends it again. A {@code disconnect} request, a
 * dropped connection or a failed open reconnects after {@code reconnectDelay} with a fresh URL.
 */
public final class SlackSocketMode implements ReconnectingSocket.Session {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
  private final ReconnectingSocket socket;
  private final ObjectMapper json = new ObjectMapper();
  private volatile Predicate<JsonNode> handler = payload -> true;

  /** @param appApi the Web API client holding the app-level token ({@code xapp-...}) */
  public SlackSocketMode(HttpClient http, SlackWebApi appApi, ScheduledExecutorService scheduler, Duration reconnectDelay) {
    this.socket = new ReconnectingSocket(http, scheduler,
        new ReconnectingSocket.Settings("Slack Socket Mode", reconnectDelay, WebSocket.NORMAL_CLOSURE, "shutting down"),
        appApi::openConnection, this);
  }

  /** {@code handler} gets each Events API payload and says whether it took it (then it is acknowledged). */
  public void onEvent(Predicate<JsonNode> handler) {
    this.handler = handler;
  }

  /** Opens the connection in the background; reconnects on its own until {@link #close()}. */
  public void connect() {
    socket.connect();
  }

  /** Closes the connection and stops reconnecting. Idempotent. */
  public void close() {
    socket.close();
  }

  @Override
  public void received(WebSocket ws, JsonNode message) {
    String type = message.path("type").asText("");
    switch (type) {
      case "hello" -> LOG.info("Slack Socket Mode connected");
      case "disconnect" -> socket.drop(ws, "Slack asked (" + message.path("reason").asText("?") + ")");
      case "events_api" -> {
        if (handler.test(message.path("payload"))) {
          ack(ws, message.path("envelope_id").asText());
        }
      }
      default -> ack(ws, message.path("envelope_id").asText(""));
    }
  }

  private void ack(WebSocket ws, String envelopeId) {
    if (envelopeId.isEmpty()) {
      return;
    }
    socket.send(ws, json.createObjectNode().put("envelope_id", envelopeId).toString());
  }
}
