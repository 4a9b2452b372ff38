package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.TextFrames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's connection to the Discord Gateway over the JDK's WebSocket: HELLO, then heartbeats at the
 * interval it names; IDENTIFY with the intents on a fresh session, RESUME with the session id and the
 * last sequence after a drop (so the events sent meanwhile are replayed); messages that mention the bot
 * go to the listeners. A dropped connection, a RECONNECT or a missed heartbeat ACK reconnects after
 * {@code reconnectDelay}; an INVALID_SESSION that cannot be resumed identifies anew. The session (id,
 * last sequence, resume URL) is kept in a {@link SessionStore}, so the next holder of the connection (a
 * new coordinator leader) resumes it and Discord replays what was sent in between.
 */
public final class DiscordGateway implements WebSocket.Listener {
  /** A resumable gateway session, and the bot user it is for (READY named it; RESUME does not). */
  public record Session(String sessionId, long sequence, URI resumeUrl, String botUserId) {}

  /** Where the session outlives this connection; {@link #NONE} keeps it nowhere. */
  public interface SessionStore {
    SessionStore NONE = new SessionStore() {
      @Override
      public java.util.Optional<Session> load() {
        return java.util.Optional.empty();
      }

      @Override
      public void save(Session session) {}

      @Override
      public void clear() {}
    };

    java.util.Optional<Session> load();

    /** Best effort: a failure must not stop the connection. */
    void save(Session session);

    void clear();
  }

  private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);
  /** GUILD_MESSAGES, DIRECT_MESSAGES and MESSAGE_CONTENT (privileged: enable it in the developer portal). */
  public static final int DEFAULT_INTENTS = (1 << 9) | (1 << 12) | (1 << 15);
  private final HttpClient http;
  private final URI gatewayUrl;
  private final String token;
  private final int intents;
  private final ScheduledExecutorService scheduler;
  private final Duration reconnectDelay;
  private final SessionStore sessions;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Consumer<InboundMessage>> listeners = new CopyOnWriteArrayList<>();
  private final TextFrames frames = new TextFrames();
  private final Object lock = new Object();
  private WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private ScheduledFuture<?> heartbeat;
  private boolean acked = true;
  private boolean closed = true;
  private volatile String sessionId;
  private volatile URI resumeUrl;
  private volatile long sequence = -1;
  private volatile String botUserId;
  private volatile int resumes;

  public DiscordGateway(
      HttpClient http, URI gatewayUrl, String token, int intents, ScheduledExecutorService scheduler, Duration reconnectDelay) {
    this(http, gatewayUrl, token, intents, scheduler, reconnectDelay, SessionStore.NONE);
  }

  public DiscordGateway(
      HttpClient http, URI gatewayUrl, String token, int intents, ScheduledExecutorService scheduler, Duration reconnectDelay,
      SessionStore sessions) {
    this.sessions = sessions;
    this.http = http;
    this.gatewayUrl = gatewayUrl;
    this.token = token;
    this.intents = intents;
    this.scheduler = scheduler;
    this.reconnectDelay = reconnectDelay;
  }

  public void onMessage(Consumer<InboundMessage> listener) {
    listeners.add(listener);
  }

  /**
   * Opens the connection in the background, resuming a stored session when there is one; reconnects on
   * its own until {@link #close()}.
   */
  public void connect() {
    synchronized (lock) {
      if (!closed) {
        return;
      }
      closed = false;
    }
    java.util.Optional<Session> stored = loadSession();
    stored.ifPresent(session -> {
      sessionId = session.sessionId();
      sequence = session.sequence();
      resumeUrl = session.resumeUrl();
      botUserId = session.botUserId();
      LOG.info("Discord gateway found a session to resume at sequence {}", sequence);
    });
    open(stored.isPresent() && resumeUrl != null ? resumeUrl : gatewayUrl);
  }

  /**
   * Closes the connection and stops reconnecting. Idempotent. The session stays resumable (the close
   * code is not 1000), so the next holder resumes it.
   */
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      stopHeartbeat();
      ws = socket;
      socket = null;
    }
    if (ws != null) {
      ws.sendClose(4000, "handing over").exceptionally(e -> null);
    }
  }

  /** The session a RESUME would continue, null before READY. */
  public String sessionId() {
    return sessionId;
  }

  /** How many times a dropped session was resumed. */
  public int resumes() {
    return resumes;
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
        handle(webSocket, json.readTree(text));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Discord gateway event could not be handled: {}", e.toString());
      }
    }
    webSocket.request(1);
    return null;
  }

  private void handle(WebSocket ws, JsonNode event) {
    int op = event.path("op").asInt(-1);
    switch (op) {
      case 10 -> hello(ws, event.path("d").path("heartbeat_interval").asLong(41_250));
      case 11 -> {
        synchronized (lock) {
          acked = true;
        }
      }
      case 1 -> heartbeat(ws);
      case 7 -> drop(ws, "Discord asked to reconnect");
      case 9 -> {
        if (!event.path("d").asBoolean(false)) {
          sessionId = null;
          sequence = -1;
          clearSession();
        }
        drop(ws, "session invalidated");
      }
      case 0 -> dispatch(event);
      default -> LOG.debug("Discord gateway op {} ignored", op);
    }
  }

  private void hello(WebSocket ws, long intervalMs) {
    synchronized (lock) {
      stopHeartbeat();
      acked = true;
      long first = (long) (intervalMs * ThreadLocalRandom.current().nextDouble());
      heartbeat = scheduler.scheduleAtFixedRate(() -> beat(ws), first, intervalMs, TimeUnit.MILLISECONDS);
    }
    ObjectNode d = json.createObjectNode().put("token", token);
    if (sessionId != null && sequence >= 0) {
      d.put("session_id", sessionId).put("seq", sequence);
      send(ws, 6, d);
      LOG.info("Discord gateway resuming session at sequence {}", sequence);
    } else {
      d.put("intents", intents);
      d.putObject("properties").put("os", "linux").put("browser", "botburrow").put("device", "botburrow");
      send(ws, 2, d);
      LOG.info("Discord gateway identifying with intents {}", intents);
    }
  }

  private void beat(WebSocket ws) {
    boolean zombie;
    synchronized (lock) {
      zombie = !acked;
      acked = false;
    }
    if (zombie) {
      drop(ws, "no heartbeat ACK");
      return;
    }
    heartbeat(ws);
  }

  private void heartbeat(WebSocket ws) {
    ObjectNode beat = json.createObjectNode().put("op", 1);
    if (sequence >= 0) {
      beat.put("d", sequence);
    } else {
      beat.putNull("d");
    }
    sendRaw(ws, beat.toString());
  }

  private void dispatch(JsonNode event) {
    if (event.hasNonNull("s")) {
      sequence = event.get("s").asLong();
    }
    String type = event.path("t").asText("");
    JsonNode d = event.path("d");
    switch (type) {
      case "READY" -> {
        sessionId = d.path("session_id").asText(null);
        String resume = d.path("resume_gateway_url").asText("");
        resumeUrl = resume.isEmpty() ? null : URI.create(resume + (resume.contains("?") ? "" : "/?v=10&encoding=json"));
        botUserId = d.path("user").path("id").asText(null);
        LOG.info("Discord gateway ready as bot user {}", botUserId);
      }
      case "RESUMED" -> {
        resumes++;
        LOG.info("Discord gateway resumed its session");
      }
      case "MESSAGE_CREATE" -> DiscordMessages.fromMessageCreate(d, botUserId).ifPresent(this::deliver);
      default -> LOG.trace("Discord gateway event {} ignored", type);
    }
    if (sessionId != null && sequence >= 0) {
      saveSession(new Session(sessionId, sequence, resumeUrl, botUserId));
    }
  }

  private java.util.Optional<Session> loadSession() {
    try {
      return sessions.load();
    } catch (RuntimeException e) {
      LOG.warn("Discord gateway session could not be read ({}); identifying anew", e.toString());
      return java.util.Optional.empty();
    }
  }

  private void saveSession(Session session) {
    try {
      sessions.save(session);
    } catch (RuntimeException e) {
      LOG.debug("Discord gateway session not stored: {}", e.toString());
    }
  }

  private void clearSession() {
    try {
      sessions.clear();
    } catch (RuntimeException e) {
      LOG.debug("Discord gateway session not cleared: {}", e.toString());
    }
  }

  private void deliver(InboundMessage m) {
    for (Consumer<InboundMessage> listener : listeners) {
      try {
        listener.accept(m);
      } catch (RuntimeException e) {
        LOG.warn("Discord message {} not handed on: {}", m.key(), e.toString());
      }
    }
  }

  private void send(WebSocket ws, int op, JsonNode d) {
    ObjectNode payload = json.createObjectNode().put("op", op);
    payload.set("d", d);
    sendRaw(ws, payload.toString());
  }

  // the JDK WebSocket allows one outstanding send: chain them
  private void sendRaw(WebSocket ws, String text) {
    synchronized (lock) {
      sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
    }
  }

  private void drop(WebSocket ws, String why) {
    LOG.info("Discord gateway reconnecting: {}", why);
    ws.abort();
    onLost(ws);
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
      stopHeartbeat();
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
    URI url = sessionId != null && resumeUrl != null ? resumeUrl : gatewayUrl;
    scheduler.schedule(() -> {
      synchronized (lock) {
        if (closed || socket != null) {
          return;
        }
      }
      open(url);
    }, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void stopHeartbeat() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
      heartbeat = null;
    }
  }
}
