package io.botburrow.runners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which runners are dead from heartbeats this observer has itself seen ({@link
 * RunnerObservation}). Its memory is its own: when the registry lost its state (another generation),
 * when a read failed, or after {@link #reset()}, it starts watching again and waits a full window
 * before calling anyone dead. Thread-safe; {@link #dead} blocks on the registry.
 */
public final class RunnerObserver {
  private final RunnerRegistry registry;
  private final Duration deadAfter;
  private final Clock clock;
  private final Map<String, RunnerObservation> observations = new HashMap<>();
  private Optional<String> generation = Optional.empty();

  public RunnerObserver(RunnerRegistry registry, Duration deadAfter, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.deadAfter = Objects.requireNonNull(deadAfter, "deadAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (deadAfter.isNegative() || deadAfter.isZero()) {
      throw new IllegalArgumentException("deadAfter must be positive");
    }
  }

  /**
   * Reads the beats of {@code runnerIds} and returns those that are dead. Runners not named are
   * forgotten (watching them again starts a new window).
   *
   * @throws io.botburrow.queue.QueueUnavailableException when the registry cannot be read; the
   *     observer then starts watching anew, since it could not see beats meanwhile
   */
  public synchronized Set<String> dead(Collection<String> runnerIds) {
    RunnerBeats beats;
    try {
      beats = registry.beats(runnerIds);
    } catch (RuntimeException e) {
      observations.clear();
      throw e;
    }
    Instant now = clock.instant();
    if (beats.generation().isEmpty() || !beats.generation().equals(generation)) {
      // the registry lost what it knew: whatever this observer saw before says nothing any more
      observations.clear();
    }
    generation = beats.generation();
    observations.keySet().retainAll(Set.copyOf(runnerIds));
    Set<String> dead = new TreeSet<>();
    for (String id : runnerIds) {
      Beat beat = beats.latest().get(id);
      RunnerObservation seen = observations.compute(id,
          (k, before) -> before == null ? RunnerObservation.start(beat, now) : before.next(beat, now));
      if (seen.isDead(now, deadAfter)) {
        dead.add(id);
      }
    }
    return dead;
  }

  /** Forgets everything seen, e.g. when this observer was not watching for a while. */
  public synchronized void reset() {
    observations.clear();
    generation = Optional.empty();
  }
}
