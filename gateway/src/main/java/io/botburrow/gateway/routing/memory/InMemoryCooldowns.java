package io.botburrow.gateway.routing.memory;

import io.botburrow.gateway.routing.Cooldowns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rests known to this process only: for unit tests and a gateway without Redis. Thread-safe. */
public final class InMemoryCooldowns implements Cooldowns {
  private record State(int failures, Instant until) {}

  private final Clock clock;
  private final Duration base;
  private final Duration max;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  public InMemoryCooldowns(Clock clock, Duration base, Duration max) {
    this.clock = clock;
    this.base = base;
    this.max = max;
  }

  @Override
  public Optional<Instant> until(String deployment) {
    var state = states.get(deployment);
    return state != null && clock.instant().isBefore(state.until()) ? Optional.of(state.until()) : Optional.empty();
  }

  @Override
  public Duration failed(String deployment, Duration retryAfter) {
    var state = states.compute(deployment, (name, old) -> {
      int failures = old == null ? 1 : old.failures() + 1;
      return new State(failures, clock.instant().plus(Cooldowns.rest(failures, base, max, retryAfter)));
    });
    return Duration.between(clock.instant(), state.until());
  }

  @Override
  public void succeeded(String deployment) {
    if (!states.isEmpty()) {
      states.remove(deployment);
    }
  }
}
