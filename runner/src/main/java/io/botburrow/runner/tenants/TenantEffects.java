package io.botburrow.runner.tenants;

import io.botburrow.queue.EffectLedger;
import java.time.Duration;
import java.util.Optional;

/**
 * The effect ledger as one tenant's activations see it: every key under {@code tenant:<name>:}, so that a reply
 * recorded for a notification of one Hub never stands for a notification of the same id and agent name in another.
 */
final class TenantEffects implements EffectLedger {
  private final EffectLedger ledger;
  private final String prefix;

  TenantEffects(EffectLedger ledger, String tenant) {
    this.ledger = ledger;
    this.prefix = "tenant:" + tenant + ":";
  }

  @Override
  public boolean tryRecord(String key, String value, Duration ttl) {
    return ledger.tryRecord(prefix + key, value, ttl);
  }

  @Override
  public boolean replace(String key, String expected, String value, Duration ttl) {
    return ledger.replace(prefix + key, expected, value, ttl);
  }

  @Override
  public boolean remove(String key, String expected) {
    return ledger.remove(prefix + key, expected);
  }

  @Override
  public Optional<String> lookup(String key) {
    return ledger.lookup(prefix + key);
  }
}
