package io.botburrow.devhub.dev;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** The fault currently injected for chaos tests, if any. */
@Singleton
@Requires(env = "hub")
class Faults {
  /**
   * Matching API routes answer {@code status} until {@code until}.
   *
   * @param afterHandling when true the request is carried out first and only its response is lost:
   *     replaced by {@code status}, or held for {@code delay} so that the caller times out
   * @param route {@code "METHOD /path"} with {@code *} for one path segment, or null for every route
   * @param remaining how many more requests the fault strikes (negative: unlimited)
   */
  record Fault(int status, Instant until, boolean afterHandling, String route, Duration delay, AtomicInteger remaining) {
    Fault {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("fault status must be 400-599, got " + status);
      }
      delay = delay == null ? Duration.ZERO : delay;
      remaining = remaining == null ? new AtomicInteger(-1) : remaining;
    }

    Fault(int status, Instant until) {
      this(status, until, false, null, Duration.ZERO, null);
    }

    boolean matches(String method, String path) {
      if (route == null || route.isBlank()) {
        return true;
      }
      String[] parts = route.trim().split("\\s+", 2);
      String glob = parts.length == 2 ? parts[1] : parts[0];
      boolean methodOk = parts.length < 2 || parts[0].equalsIgnoreCase(method);
      String regex = Pattern.quote(glob).replace("*", "\\E[^/]+\\Q");
      return methodOk && path.matches(regex);
    }

    /** Takes one strike; false when the fault has used its count. */
    boolean strike() {
      return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
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

  /** The fault that strikes this request at {@code now} in the given phase, taking one of its strikes. */
  Optional<Fault> strike(Instant now, String method, String path, boolean afterHandling) {
    return active(now).filter(f -> f.afterHandling() == afterHandling && f.matches(method, path) && f.strike());
  }
}
