package io.botburrow.coordinator.channels;

import io.botburrow.channels.discord.DiscordGateway;
import io.botburrow.queue.EffectLedger;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Discord gateway session in Redis (the effects ledger), so a new coordinator leader resumes the
 * session of the one before and Discord replays the messages of the hand-over. Kept for
 * {@link #KEEP}; a session Discord no longer resumes is answered with INVALID_SESSION and replaced.
 */
final class LedgerGatewaySessions implements DiscordGateway.SessionStore {
  static final String KEY = "channels:discord:gateway-session";
  static final Duration KEEP = Duration.ofMinutes(10);
  private final EffectLedger ledger;
  private final String key;

  LedgerGatewaySessions(EffectLedger ledger) {
    this(ledger, io.botburrow.activation.Activation.DEFAULT_TENANT);
  }

  /** The session of {@code tenant}'s bot: each tenant's bot has a gateway session of its own. */
  LedgerGatewaySessions(EffectLedger ledger, String tenant) {
    this.ledger = ledger;
    this.key = io.botburrow.coordinator.ingress.TriggerIngress.tenantKey(tenant, KEY);
  }

  @Override
  public Optional<DiscordGateway.Session> load() {
    return ledger.lookup(key).flatMap(LedgerGatewaySessions::parse);
  }

  @Override
  public void save(DiscordGateway.Session session) {
    String value = session.sessionId() + "|" + session.sequence() + "|"
        + (session.resumeUrl() == null ? "" : session.resumeUrl()) + "|" + (session.botUserId() == null ? "" : session.botUserId());
    Optional<String> current = ledger.lookup(key);
    // a writer that came in between loses nothing: the next event writes again
    if (current.isPresent()) {
      ledger.replace(key, current.get(), value, KEEP);
    } else {
      ledger.tryRecord(key, value, KEEP);
    }
  }

  @Override
  public void clear() {
    ledger.lookup(key).ifPresent(v -> ledger.remove(key, v));
  }

  static Optional<DiscordGateway.Session> parse(String value) {
    String[] parts = value.split("\\|", -1);
    if (parts.length != 4 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DiscordGateway.Session(parts[0], Long.parseLong(parts[1]),
          parts[2].isEmpty() ? null : URI.create(parts[2]), parts[3].isEmpty() ? null : parts[3]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
