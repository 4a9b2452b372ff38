package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes a gateway session resumable (its id, the last sequence, the resume URL, the bot user), kept
 * in the {@link DiscordGateway.SessionStore} as it changes so that a reconnect, or the next holder of the
 * connection, resumes the session instead of identifying anew.
 */
final class GatewaySession {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
  private final DiscordGateway.SessionStore store;
  private volatile String sessionId;
  private volatile URI resumeUrl;
  private volatile long sequence = -1;
  private volatile String botUserId;
  private volatile int resumes;

  GatewaySession(DiscordGateway.SessionStore store) {
    this.store = store;
  }

  /** Takes up the stored session, if there is one; returns where to connect first. */
  URI restore(URI gatewayUrl) {
    Optional<DiscordGateway.Session> stored = load();
    stored.ifPresent(session -> {
      sessionId = session.sessionId();
      sequence = session.sequence();
      resumeUrl = session.resumeUrl();
      botUserId = session.botUserId();
      LOG.info("Discord gateway found a session to resume at sequence {}", sequence);
    });
    return stored.isPresent() && resumeUrl != null ? resumeUrl : gatewayUrl;
  }

  /** Where a reconnect goes: the resume URL while there is a session. */
  URI reconnectUrl(URI gatewayUrl) {
    return sessionId != null && resumeUrl != null ? resumeUrl : gatewayUrl;
  }

  /** Whether HELLO is answered with RESUME rather than IDENTIFY. */
  boolean resumable() {
    return sessionId != null && sequence >= 0;
  }

  /** The session a RESUME would continue, null before READY. */
  String id() {
    return sessionId;
  }

  /** The last sequence received, -1 before the first. */
  long sequence() {
    return sequence;
  }

  /** The bot user READY named, which tells the messages that mention the bot. */
  String botUserId() {
    return botUserId;
  }

  /** How many times a dropped session was resumed. */
  int resumes() {
    return resumes;
  }

  /** Notes a dispatched event's sequence number. */
  void sequenced(JsonNode event) {
    if (event.hasNonNull("s")) {
      sequence = event.get("s").asLong();
    }
  }

  /** READY: a new session, where to resume it and the bot user. */
  void ready(JsonNode d) {
    sessionId = d.path("session_id").asText(null);
    String resume = d.path("resume_gateway_url").asText("");
    resumeUrl = resume.isEmpty() ? null : URI.create(resume + (resume.contains("?") ? "" : "/?v=10&encoding=json"));
    botUserId = d.path("user").path("id").asText(null);
    LOG.info("Discord gateway ready as bot user {}", botUserId);
  }

  /** RESUMED: Discord continued the session. */
  void resumed() {
    resumes++;
    LOG.info("Discord gateway resumed its session");
  }

  /** An INVALID_SESSION that cannot be resumed: the next HELLO identifies anew. */
  void invalidate() {
    sessionId = null;
    sequence = -1;
    clear();
  }

  /** Stores the session once there is one to resume. */
  void save() {
    if (resumable()) {
      try {
        store.save(new DiscordGateway.Session(sessionId, sequence, resumeUrl, botUserId));
      } catch (RuntimeException e) {
        LOG.debug("Discord gateway session not stored: {}", e.toString());
      }
    }
  }

  private Optional<DiscordGateway.Session> load() {
    try {
      return store.load();
    } catch (RuntimeException e) {
      LOG.warn("Discord gateway session could not be read ({}); identifying anew", e.toString());
      return Optional.empty();
    }
  }

  private void clear() {
    try {
      store.clear();
    } catch (RuntimeException e) {
      LOG.debug("Discord gateway session not cleared: {}", e.toString());
    }
  }
}
