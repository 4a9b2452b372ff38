package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.InboundMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
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
 *
 * <p>This class answers the gateway's ops and events; the WebSocket itself is a {@link GatewayConnection}
 * and what makes the session resumable a {@link GatewaySession}.
 */
public final class DiscordGateway {
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
  private final URI gatewayUrl;
  private final String token;
  private final int intents;
  private final GatewaySession session;
  private final GatewayConnection connection;
  private final List<Consumer<InboundMessage>> listeners = new CopyOnWriteArrayList<>();

  public DiscordGateway(
      HttpClient http, URI gatewayUrl, String token, int intents, ScheduledExecutorService scheduler, Duration reconnectDelay) {
    this(http, gatewayUrl, token, intents, scheduler, reconnectDelay, SessionStore.NONE);
  }

  public DiscordGateway(
      HttpClient http, URI gatewayUrl, String token, int intents, ScheduledExecutorService scheduler, Duration reconnectDelay,
      SessionStore sessions) {
    this.session = new GatewaySession(sessions);
    this.gatewayUrl = gatewayUrl;
    this.token = token;
    this.intents = intents;
    this.connection = new GatewayConnection(http, scheduler, reconnectDelay, () -> session.reconnectUrl(gatewayUrl),
        this::handle);
  }

  public void onMessage(Consumer<InboundMessage> listener) {
    listeners.add(listener);
  }

  /**
   * Opens the connection in the background, resuming a stored session when there is one; reconnects on
   * its own until {@link #close()}.
   */
  public void connect() {
    connection.connect(() -> session.restore(gatewayUrl));
  }

  /**
   * Closes the connection and stops reconnecting. Idempotent. The session stays resumable (the close
   * code is not 1000), so the next holder resumes it.
   */
  public void close() {
    connection.close();
  }

  /** The session a RESUME would continue, null before READY. */
  public String sessionId() {
    return session.id();
  }

  /** How many times a dropped session was resumed. */
  public int resumes() {
    return session.resumes();
  }

  private void handle(WebSocket ws, JsonNode event) {
    int op = event.path("op").asInt(-1);
    switch (op) {
      case 10 -> hello(ws, event.path("d").path("heartbeat_interval").asLong(41_250));
      case 11 -> connection.heartbeatAcked();
      case 1 -> heartbeat(ws);
      case 7 -> connection.drop(ws, "Discord asked to reconnect");
      case 9 -> {
        if (!event.path("d").asBoolean(false)) {
          session.invalidate();
        }
        connection.drop(ws, "session invalidated");
      }
      case 0 -> dispatch(event);
      default -> LOG.debug("Discord gateway op {} ignored", op);
    }
  }

  private void hello(WebSocket ws, long intervalMs) {
    if (!connection.startHeartbeat(ws, intervalMs, () -> beat(ws))) {
      LOG.debug("Discord gateway HELLO on a connection no longer in use ignored");
      return;
    }
    if (session.resumable()) {
      connection.send(ws, GatewayPayloads.resume(token, session.id(), session.sequence()));
      LOG.info("Discord gateway resuming session at sequence {}", session.sequence());
    } else {
      connection.send(ws, GatewayPayloads.identify(token, intents));
      LOG.info("Discord gateway identifying with intents {}", intents);
    }
  }

  private void beat(WebSocket ws) {
    if (connection.heartbeatMissed()) {
      connection.drop(ws, "no heartbeat ACK");
      return;
    }
    heartbeat(ws);
  }

  private void heartbeat(WebSocket ws) {
    connection.send(ws, GatewayPayloads.heartbeat(session.sequence()));
  }

  private void dispatch(JsonNode event) {
    session.sequenced(event);
    String type = event.path("t").asText("");
    JsonNode d = event.path("d");
    switch (type) {
      case "READY" -> session.ready(d);
      case "RESUMED" -> session.resumed();
      case "MESSAGE_CREATE" -> DiscordMessages.fromMessageCreate(d, session.botUserId()).ifPresent(this::deliver);
      default -> LOG.trace("Discord gateway event {} ignored", type);
    }
    session.save();
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
}
