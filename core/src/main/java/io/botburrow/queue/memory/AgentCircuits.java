package io.botburrow.queue.memory;

import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' failure circuits of the in-memory queue: consecutive failures open an agent's circuit for the
 * policy's back-off, a deferral holds it closed to claims for a while, a success forgets it. Not thread-safe;
 * the queue guards it.
 */
final class AgentCircuits {
  private record Circuit(int failures, Instant openUntil) {}

  private final QueueSettings settings;
  private final Clock clock;
  private final Map<String, Circuit> circuits = new HashMap<>();

  AgentCircuits(QueueSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  boolean isOpen(String agent) {
    Circuit circuit = circuits.get(agent);
    return circuit != null && circuit.openUntil().isAfter(clock.instant());
  }

  /** Counts one more failure of {@code agent} and opens its circuit for the back-off that count calls for. */
  void failed(String agent) {
    int failures = Optional.ofNullable(circuits.get(agent)).map(Circuit::failures).orElse(0) + 1;
    Duration backoff = settings.circuit().nextBackoff(failures);
    Instant openUntil = backoff.isZero() ? clock.instant() : clock.instant().plus(backoff);
    circuits.put(agent, new Circuit(failures, openUntil));
  }

  /** Keeps {@code agent}'s circuit open until at least {@code until}, its failure count unchanged. */
  void holdUntil(String agent, Instant until) {
    Circuit circuit = circuits.get(agent);
    if (circuit == null) {
      circuits.put(agent, new Circuit(0, until));
    } else if (circuit.openUntil().isBefore(until)) {
      circuits.put(agent, new Circuit(circuit.failures(), until));
    }
  }

  /** Forgets {@code agent}'s circuit; whether it had one (open or counting failures). */
  boolean reset(String agent) {
    return circuits.remove(agent) != null;
  }

  List<OpenCircuit> open() {
    List<OpenCircuit> open = new ArrayList<>();
    circuits.forEach((agent, circuit) -> {
      if (circuit.openUntil().isAfter(clock.instant())) {
        open.add(new OpenCircuit(agent, circuit.failures(), circuit.openUntil()));
      }
    });
    return open;
  }
}
