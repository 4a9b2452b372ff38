package io.botburrow.queue.memory;

import io.botburrow.queue.EffectLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Effect ledger in one JVM, for unit tests; entries expire by the injected clock. */
public final class InMemoryEffectLedger implements EffectLedger {
  private record Entry(String value, Instant expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryEffectLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean tryRecord(String key, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    Instant now = clock.instant();
    Entry fresh = new Entry(value, now.plus(ttl));
    Entry stored = entries.compute(key, (k, old) -> old == null || !old.expiresAt().isAfter(now) ? fresh : old);
    return stored == fresh;
  }

  @Override
  public boolean replace(String key, String expected, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    Instant now = clock.instant();
    Entry fresh = new Entry(value, now.plus(ttl));
    Entry stored = entries.computeIfPresent(key,
        (k, old) -> old.expiresAt().isAfter(now) && old.value().equals(expected) ? fresh : old);
    return stored == fresh;
  }

  @Override
  public boolean remove(String key, String expected) {
    Instant now = clock.instant();
    boolean[] removed = {false};
    entries.computeIfPresent(key, (k, old) -> {
      if (old.expiresAt().isAfter(now) && old.value().equals(expected)) {
        removed[0] = true;
        return null;
      }
      return old;
    });
    return removed[0];
  }

  @Override
  public Optional<String> lookup(String key) {
    Entry entry = entries.get(key);
    return entry == null || !entry.expiresAt().isAfter(clock.instant())
        ? Optional.empty()
        : Optional.of(entry.value());
  }
}
