package io.botburrow.devhub.dev;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The fault currently injected for chaos tests, if any. */
@Singleton
@Requires(env = "hub")
class Faults {
  /** Every API route answers {@code status} until {@code until}. */
  record Fault(int status, Instant until) {
    Fault {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("fault status must be 400-599, got " + status);
      }
    }
  }

  private final AtomicReference<Fault> current = new AtomicReference<>();

  void inject(Fault fault) {
    current.set(fault);
  }

  void clear() {
    current.set(null);
  }

  /** The fault in force at {@code now}; an expired one is dropped. */
  Optional<Fault> active(Instant now) {
    Fault fault = current.get();
    if (fault != null && !now.isBefore(fault.until())) {
      current.compareAndSet(fault, null);
      return Optional.empty();
    }
    return Optional.ofNullable(fault);
  }
}
