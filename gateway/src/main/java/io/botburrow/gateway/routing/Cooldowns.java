package io.botburrow.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployments that failed rest for a while: 1 min after the first failure, doubling with each further
 * one up to 1 h, or longer when the provider's {@code Retry-After} asks. A success ends it. Thread-safe.
 */
public final class Cooldowns {
  private record State(int failures, Instant until) {}

  private final Clock clock;
  private final Duration base;
  private final Duration max;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  public Cooldowns(Clock clock, Duration base, Duration max) {
    this.clock = clock;
    this.base = base;
    this.max = max;
  }

  /** Until when {@code deployment} rests, if it does now. */
  public Optional<Instant> until(String deployment) {
    var state = states.get(deployment);
    return state != null && clock.instant().isBefore(state.until()) ? Optional.of(state.until()) : Optional.empty();
  }

  /** Records a failure; returns how long the deployment now rests. */
  public Duration failed(String deployment, Duration retryAfter) {
    var state = states.compute(deployment, (name, old) -> {
      int failures = old == null ? 1 : old.failures() + 1;
      var rest = rest(failures, base, max);
      if (retryAfter != null && retryAfter.compareTo(rest) > 0) {
        rest = retryAfter;
      }
      return new State(failures, clock.instant().plus(rest));
    });
    return Duration.between(clock.instant(), state.until());
  }

  public void succeeded(String deployment) {
    states.remove(deployment);
  }

  /** {@code base} doubled per failure after the first, capped at {@code max}. Pure. */
  static Duration rest(int failures, Duration base, Duration max) {
    int doublings = Math.min(Math.max(0, failures - 1), 20);
    var rest = base.multipliedBy(1L << doublings);
    return rest.compareTo(max) > 0 ? max : rest;
  }
}
