package io.botburrow.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent whose activations are held back after consecutive failures.
 *
 * @param agent the agent's queue key: its name, {@code tenant/agent} outside the default tenant
 * @param failures consecutive failures so far
 * @param openUntil when its activations become claimable again
 */
public record OpenCircuit(String agent, int failures, Instant openUntil) {
  public OpenCircuit {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(openUntil, "openUntil");
  }
}
