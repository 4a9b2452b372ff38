package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.ReconnectingSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket under a {@link DiscordGateway} ({@link ReconnectingSocket}) with its heartbeat, which beats only
 * while its socket is the open one. Each whole event received goes to the gateway.
 */
final class GatewayConnection implements ReconnectingSocket.Session {
  /** What the gateway does with an event received on {@code ws}. */
  interface Events {
    void received(WebSocket ws, JsonNode event);
  }

  private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
  // not 1000, which would end the session: the next holder resumes it
  private static final int HANDING_OVER = 4000;
  private final Events events;
  private final GatewayHeartbeat heartbeat;
  private final ReconnectingSocket socket;

  GatewayConnection(HttpClient http, ScheduledExecutorService scheduler, Duration reconnectDelay,
      Supplier<URI> reconnectUrl, Events events) {
    this.events = events;
    this.heartbeat = new GatewayHeartbeat(scheduler);
    this.socket = new ReconnectingSocket(http, scheduler,
        new ReconnectingSocket.Settings("Discord gateway", reconnectDelay, HANDING_OVER, "handing over"), reconnectUrl,
        this);
  }

  /** The WebSocket listener, which the tests drive as the JDK client would. */
  ReconnectingSocket socket() {
    return socket;
  }

  /** Opens the connection in the background at {@code first}, unless it is open; it reconnects until {@link #close()}. */
  void connect(Supplier<URI> first) {
    socket.connect(first);
  }

  /** Closes the connection and stops reconnecting. Idempotent. */
  void close() {
    socket.close();
  }

  /**
   * Starts beating for {@code ws} unless it is no longer the open connection (a HELLO that arrives after
   * {@link #close()} or after the socket was lost would otherwise start a heartbeat nothing stops); returns
   * whether it started.
   */
  boolean startHeartbeat(WebSocket ws, long intervalMs, Runnable beat) {
    return socket.whileCurrent(ws, () -> heartbeat.start(intervalMs, beat));
  }

  void heartbeatAcked() {
    heartbeat.acked();
  }

  /** See {@link GatewayHeartbeat#missed()}. */
  boolean heartbeatMissed() {
    return heartbeat.missed();
  }

  void send(WebSocket ws, String text) {
    socket.send(ws, text);
  }

  void drop(WebSocket ws, String why) {
    socket.drop(ws, why);
  }

  @Override
  public void received(WebSocket ws, JsonNode message) {
    events.received(ws, message);
  }

  @Override
  public void ended(WebSocket ws) {
    heartbeat.stop();
  }

  // 4004 (bad token), 4013/4014 (intents) cannot be fixed by reconnecting
  @Override
  public boolean fatal(int statusCode) {
    if (statusCode == 4004 || statusCode == 4013 || statusCode == 4014) {
      LOG.error("Discord gateway refused the bot ({}): check botburrow.channels.discord.bot-token and the intents", statusCode);
      return true;
    }
    return false;
  }
}
