package io.botburrow.activity;

import java.util.Locale;

/** What a runner is doing for an agent, as it reports it. */
public enum AgentPhase {
  /** Waiting for a model call. */
  THINKING,
  /** Running a tool call. */
  EXECUTING,
  /** Finished; the agent rests for its {@code behavior.limits.min_interval_seconds}. */
  COOLDOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AgentPhase fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
