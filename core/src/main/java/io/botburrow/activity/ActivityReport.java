package io.botburrow.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * A runner's latest word about one agent.
 *
 * @param phase what it does
 * @param activationId the activation it does it for
 * @param runnerId who reports
 * @param at when
 * @param until for {@link AgentPhase#COOLDOWN}, when the rest ends; {@code at} otherwise
 */
public record ActivityReport(AgentPhase phase, String activationId, String runnerId, Instant at, Instant until) {
  public ActivityReport {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(activationId, "activationId");
    Objects.requireNonNull(runnerId, "runnerId");
    Objects.requireNonNull(at, "at");
    until = until == null ? at : until;
  }
}
