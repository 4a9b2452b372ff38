package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.channels.TextFrames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket under a {@link DiscordGateway}: one at a time, opened again after the reconnect delay
 * whenever it is lost until {@link #close()}, with its heartbeat and its sends one after another. Each
 * whole event received goes to the gateway.
 */
final class GatewayConnection implements WebSocket.Listener {
  /** What the gateway does with an event received on {@code ws}. */
  interface Events {
    void received(WebSocket ws, JsonNode event);
  }

  private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Duration reconnectDelay;
  private final Supplier<URI> reconnectUrl;
  private final Events events;
  private final ObjectMapper json = new ObjectMapper();
  private final TextFrames frames = new TextFrames();
  private final Object lock = new Object();
  private final GatewayHeartbeat heartbeat;
  private WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private boolean closed = true;

  GatewayConnection(HttpClient http, ScheduledExecutorService scheduler, Duration reconnectDelay,
      Supplier<URI> reconnectUrl, Events events) {
    this.http = http;
    this.scheduler = scheduler;
    this.reconnectDelay = reconnectDelay;
    this.reconnectUrl = reconnectUrl;
    this.events = events;
    this.heartbeat = new GatewayHeartbeat(scheduler);
  }

  /**
   * Opens the connection in the background, at the URL {@code first} gives, unless it is open already;
   * it reconnects on its own until {@link #close()}.
   */
  void connect(Supplier<URI> first) {
    synchronized (lock) {
      if (!closed) {
        return;
      }
      closed = false;
    }
    open(first.get());
  }

  /** Closes the connection and stops reconnecting. Idempotent. */
  void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      heartbeat.stop();
      ws = socket;
      socket = null;
    }
    // not 1000, which would end the session: the next holder resumes it
    if (ws != null) {
      ws.sendClose(4000, "handing over").exceptionally(e -> null);
    }
  }

  /**
   * Starts beating for {@code ws} unless it is no longer the open connection (a HELLO that arrives after
   * {@link #close()} or after the socket was lost would otherwise start a heartbeat nothing stops); returns
   * whether it started.
   */
  boolean startHeartbeat(WebSocket ws, long intervalMs, Runnable beat) {
    synchronized (lock) {
      if (closed || socket != ws) {
        return false;
      }
      heartbeat.start(intervalMs, beat);
      return true;
    }
  }

  void heartbeatAcked() {
    synchronized (lock) {
      heartbeat.acked();
    }
  }

  /** See {@link GatewayHeartbeat#missed()}. */
  boolean heartbeatMissed() {
    synchronized (lock) {
      return heartbeat.missed();
    }
  }

  // the JDK WebSocket allows one outstanding send: chain them
  void send(WebSocket ws, String text) {
    synchronized (lock) {
      sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }
  }

  void drop(WebSocket ws, String why) {
    LOG.info("Discord gateway reconnecting: {}", why);
    ws.abort();
    onLost(ws);
  }

  private void open(URI url) {
    http.newWebSocketBuilder().buildAsync(url, this).whenComplete((ws, error) -> {
      if (error != null) {
        LOG.warn("Discord gateway unreachable at {}: {}; retrying in {} ms", url.getHost(), error.getMessage(),
            reconnectDelay.toMillis());
        scheduleReconnect();
      }
    });
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    synchronized (lock) {
      if (closed) {
        webSocket.abort();
        return;
      }
      socket = webSocket;
      frames.reset();
    }
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    String text = frames.add(data, last);
    if (text != null) {
      try {
        events.received(webSocket, json.readTree(text));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Discord gateway event could not be handled: {}", e.toString());
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    LOG.info("Discord gateway closed with {}", statusCode);
    // 4004 (bad token), 4013/4014 (intents) cannot be fixed by reconnecting
    if (statusCode == 4004 || statusCode == 4013 || statusCode == 4014) {
      LOG.error("Discord gateway refused the bot ({}): check botburrow.channels.discord.bot-token and the intents", statusCode);
      synchronized (lock) {
        closed = true;
      }
    }
    onLost(webSocket);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    LOG.warn("Discord gateway connection failed: {}", error.toString());
    onLost(webSocket);
  }

  private void onLost(WebSocket ws) {
    synchronized (lock) {
      if (socket != ws) {
        return;
      }
      socket = null;
      heartbeat.stop();
      if (closed) {
        return;
      }
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    URI url = reconnectUrl.get();
    scheduler.schedule(() -> {
      synchronized (lock) {
        if (closed || socket != null) {
          return;
        }
      }
      open(url);
    }, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
