package io.botburrow.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.channels.ChannelException;
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
public final class SlackSocketMode implements WebSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
  private final HttpClient http;
  private final SlackWebApi appApi;
  private final ScheduledExecutorService scheduler;
  private final Duration reconnectDelay;
  private final ObjectMapper json = new ObjectMapper();
  private final TextFrames frames = new TextFrames();
  private final Object lock = new Object();
  private volatile Predicate<JsonNode> handler = payload -> true;
  private WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private boolean closed = true;

  /** @param appApi the Web API client holding the app-level token ({@code xapp-...}) */
  public SlackSocketMode(HttpClient http, SlackWebApi appApi, ScheduledExecutorService scheduler, Duration reconnectDelay) {
    this.http = http;
    this.appApi = appApi;
    this.scheduler = scheduler;
    this.reconnectDelay = reconnectDelay;
  }

  /** {@code handler} gets each Events API payload and says whether it took it (then it is acknowledged). */
  public void onEvent(Predicate<JsonNode> handler) {
    this.handler = handler;
  }

  /** Opens the connection in the background; reconnects on its own until {@link #close()}. */
  public void connect() {
    synchronized (lock) {
      if (!closed) {
        return;
      }
      closed = false;
    }
    open();
  }

  /** Closes the connection and stops reconnecting. Idempotent. */
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      ws = socket;
      socket = null;
    }
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "shutting down").exceptionally(e -> null);
    }
  }

  private void open() {
    URI url;
    try {
      url = appApi.openConnection();
    } catch (ChannelException e) {
      LOG.warn("Slack Socket Mode connection not opened: {}; retrying in {} ms", e.getMessage(), reconnectDelay.toMillis());
      scheduleReconnect();
      return;
    }
    http.newWebSocketBuilder().buildAsync(url, this).whenComplete((ws, error) -> {
      if (error != null) {
        LOG.warn("Slack Socket Mode unreachable: {}; retrying in {} ms", error.getMessage(), reconnectDelay.toMillis());
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
        handle(webSocket, json.readTree(text));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Slack Socket Mode message could not be handled: {}", e.toString());
      }
    }
    webSocket.request(1);
    return null;
  }

  private void handle(WebSocket ws, JsonNode message) {
    String type = message.path("type").asText("");
    switch (type) {
      case "hello" -> LOG.info("Slack Socket Mode connected");
      case "disconnect" -> {
        LOG.info("Slack Socket Mode asked to reconnect ({})", message.path("reason").asText("?"));
        lost(ws, true);
      }
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
    String ack = json.createObjectNode().put("envelope_id", envelopeId).toString();
    synchronized (lock) {
      sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(ack, true));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    LOG.info("Slack Socket Mode closed with {}", statusCode);
    lost(webSocket, false);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    LOG.warn("Slack Socket Mode connection failed: {}", error.toString());
    lost(webSocket, false);
  }

  private void lost(WebSocket ws, boolean abort) {
    synchronized (lock) {
      if (socket != ws) {
        return;
      }
      socket = null;
      if (closed) {
        return;
      }
    }
    if (abort) {
      ws.abort();
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    scheduler.schedule(() -> {
      synchronized (lock) {
        if (closed || socket != null) {
          return;
        }
      }
      open();
    }, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
