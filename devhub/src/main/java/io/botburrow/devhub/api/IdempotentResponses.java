package io.botburrow.devhub.api;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First responses of writes that carried an {@code Idempotency-Key}, by scoped key, kept for a day and
 * at most {@link #MAX_ENTRIES} of them (oldest forgotten first).
 */
@Singleton
@Requires(env = "hub")
class IdempotentResponses {
  static final Duration KEEP = Duration.ofHours(24);
  static final int MAX_ENTRIES = 100_000;

  /** A first response, or (status 0) a first request still being handled. */
  record Stored(int status, Object body, Instant at) {
    boolean inFlight() {
      return status == 0;
    }
  }

  private final Map<String, Stored> byKey = new LinkedHashMap<>();
  private final Clock clock;

  IdempotentResponses(Clock clock) {
    this.clock = clock;
  }

  /** The stored entry for {@code key}; when there is none, marks the key in flight and returns null. */
  synchronized Stored claim(String key) {
    Instant now = clock.instant();
    expire(now);
    Stored stored = byKey.get(key);
    if (stored != null) {
      return stored;
    }
    byKey.put(key, new Stored(0, null, now));
    return null;
  }

  synchronized void complete(String key, int status, Object body) {
    byKey.put(key, new Stored(status, body, clock.instant()));
  }

  /** The first request failed: a retry with the same key is carried out afresh. */
  synchronized void forget(String key) {
    byKey.remove(key);
  }

  private void expire(Instant now) {
    Iterator<Stored> it = byKey.values().iterator();
    while (it.hasNext()) {
      Stored s = it.next();
      if (byKey.size() > MAX_ENTRIES || s.at().plus(KEEP).isBefore(now)) {
        it.remove();
      } else {
        return;
      }
    }
  }
}
