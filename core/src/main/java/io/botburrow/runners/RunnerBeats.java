package io.botburrow.runners;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry holds about some runners.
 *
 * @param generation identifies the backend's state: it changes when the backend lost its data (a
 *     restart without persistence, a flush), and is empty until a runner beat after such a loss
 * @param latest the latest beat per runner id; runners without a recorded beat are absent
 */
public record RunnerBeats(Optional<String> generation, Map<String, Beat> latest) {
  public RunnerBeats {
    Objects.requireNonNull(generation, "generation");
    latest = Map.copyOf(latest);
  }
}
