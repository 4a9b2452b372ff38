package io.botburrow.queue;

import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A running activation as an operator sees it; {@code agent} is the agent's queue key (its name, {@code tenant/agent}
 * outside the default tenant, see {@link io.botburrow.activation.Activation#queueKey()}).
 */
public record RunningLease(
    String agent,
    ActivationId activationId,
    ActivationKind kind,
    String runnerId,
    int attempt,
    Instant leaseExpiresAt) {
  public RunningLease {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(activationId, "activationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(runnerId, "runnerId");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
  }
}
