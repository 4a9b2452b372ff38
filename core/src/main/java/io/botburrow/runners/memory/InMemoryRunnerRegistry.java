package io.botburrow.runners.memory;

import io.botburrow.runners.Beat;
import io.botburrow.runners.RunnerBeats;
import io.botburrow.runners.RunnerRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory {@link RunnerRegistry} for unit tests; {@link #loseState()} acts like a Redis restart. */
public final class InMemoryRunnerRegistry implements RunnerRegistry {
  private final Map<String, Beat> beats = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private String generation;

  @Override
  public synchronized void heartbeat(String runnerId, Duration interval) {
    if (generation == null) {
      generation = UUID.randomUUID().toString();
    }
    beats.put(runnerId, new Beat(runnerId + ":" + sequence.incrementAndGet(), interval));
  }

  @Override
  public synchronized RunnerBeats beats(Collection<String> runnerIds) {
    Map<String, Beat> latest = new HashMap<>();
    for (String id : runnerIds) {
      Beat beat = beats.get(id);
      if (beat != null) {
        latest.put(id, beat);
      }
    }
    return new RunnerBeats(Optional.ofNullable(generation), latest);
  }

  @Override
  public synchronized void leave(String runnerId) {
    beats.remove(runnerId);
  }

  /** Forgets every beat and the generation, as a backend restarted without persistence would. */
  public synchronized void loseState() {
    beats.clear();
    generation = null;
  }
}
