package io.botburrow.runners.memory;

import io.botburrow.runners.RunnerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link RunnerRegistry} for unit tests. */
public final class InMemoryRunnerRegistry implements RunnerRegistry {
  private final Map<String, Instant> until = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryRunnerRegistry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void heartbeat(String runnerId, Duration ttl) {
    until.put(runnerId, clock.instant().plus(ttl));
  }

  @Override
  public boolean isAlive(String runnerId) {
    Instant t = until.get(runnerId);
    return t != null && clock.instant().isBefore(t);
  }

  @Override
  public void leave(String runnerId) {
    until.remove(runnerId);
  }
}
