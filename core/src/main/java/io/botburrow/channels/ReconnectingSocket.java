package io.botburrow.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A platform's gateway connection over the JDK's WebSocket, one socket at a time: opened in the background and,
 * whenever it is lost or cannot be opened, opened again after the reconnect delay at the URL the platform names
 * then, until {@link #close()}. Each whole message goes to the platform's {@link Session}; sends go out one after
 * another (the JDK WebSocket allows one outstanding send).
 */
public final class ReconnectingSocket implements WebSocket.Listener {
  /** What the platform does with its connection. */
  public interface Session {
    /** A whole message that arrived on {@code ws}. */
    void received(WebSocket ws, JsonNode message);

    /** {@code ws} is no longer the connection (lost, dropped or closed; null when none was open). Under the lock. */
    default void ended(WebSocket ws) {}

    /** Whether a close with {@code statusCode} means reconnecting cannot help: the socket then stays closed. */
    default boolean fatal(int statusCode) {
      return false;
    }
  }

  /** How the socket closes when asked to, and what its log lines call it. */
  public record Settings(String name, Duration reconnectDelay, int closeCode, String closeReason) {}

  private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSocket.class);
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Settings settings;
  private final Supplier<URI> reconnectUrl;
  private final Session session;
  private final ObjectMapper json = new ObjectMapper();
  private final TextFrames frames = new TextFrames();
  private final Object lock = new Object();
  private WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private boolean closed = true;

  /**
   * @param reconnectUrl where to connect again; may throw {@link ChannelException} when the platform cannot say now
   *     (then it is asked again after the delay)
   */
  public ReconnectingSocket(HttpClient http, ScheduledExecutorService scheduler, Settings settings,
      Supplier<URI> reconnectUrl, Session session) {
    this.http = http;
    this.scheduler = scheduler;
    this.settings = settings;
    this.reconnectUrl = reconnectUrl;
    this.session = session;
  }

  /** Opens the connection in the background at the URL the reconnects use, unless it is open already. */
  public void connect() {
    connect(reconnectUrl);
  }

  /** Opens the connection in the background at the URL {@code first} names, unless it is open already. */
  public void connect(Supplier<URI> first) {
    synchronized (lock) {
      if (!closed) {
        return;
      }
      closed = false;
    }
    open(first);
  }

  /** Closes the connection and stops reconnecting. Idempotent. */
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      ws = socket;
      socket = null;
      session.ended(ws);
    }
    if (ws != null) {
      ws.sendClose(settings.closeCode(), settings.closeReason()).exceptionally(e -> null);
    }
  }

  /** Runs {@code action} under the lock if {@code ws} is the open connection; returns whether it ran. */
  public boolean whileCurrent(WebSocket ws, Runnable action) {
    synchronized (lock) {
      if (closed || socket != ws) {
        return false;
      }
      action.run();
      return true;
    }
  }

  /** Sends {@code text} on {@code ws} after whatever is being sent. */
  public void send(WebSocket ws, String text) {
    synchronized (lock) {
      sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }
  }

  /** Gives up {@code ws} (the platform asked, or it stopped answering) and connects again after the delay. */
  public void drop(WebSocket ws, String why) {
    LOG.info("{} reconnecting: {}", settings.name(), why);
    ws.abort();
    lost(ws);
  }

  private void open(Supplier<URI> address) {
    URI url;
    try {
      url = address.get();
    } catch (RuntimeException e) {
      // a ChannelException, or anything else: no failure to name a URL stops the reconnecting
      LOG.warn("{} connection not opened: {}; retrying in {} ms", settings.name(), e.getMessage(), delayMillis());
      scheduleReconnect();
      return;
    }
    http.newWebSocketBuilder().buildAsync(url, this).whenComplete((ws, error) -> {
      if (error != null) {
        LOG.warn("{} unreachable at {}: {}; retrying in {} ms", settings.name(), url.getHost(), error.getMessage(),
            delayMillis());
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
        session.received(webSocket, json.readTree(text));
      } catch (IOException | RuntimeException e) {
        LOG.warn("{} message could not be handled: {}", settings.name(), e.toString());
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    LOG.info("{} closed with {}", settings.name(), statusCode);
    if (session.fatal(statusCode)) {
      synchronized (lock) {
        closed = true;
      }
    }
    lost(webSocket);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    LOG.warn("{} connection failed: {}", settings.name(), error.toString());
    lost(webSocket);
  }

  private void lost(WebSocket ws) {
    synchronized (lock) {
      if (socket != ws) {
        return;
      }
      socket = null;
      session.ended(ws);
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
    scheduler.schedule(() -> {
      synchronized (lock) {
        if (closed || socket != null) {
          return;
        }
      }
      open(reconnectUrl);
    }, delayMillis(), TimeUnit.MILLISECONDS);
  }

  private long delayMillis() {
    return settings.reconnectDelay().toMillis();
  }
}
