package io.botburrow.runner.agent;

/** Why an agent loop ended. */
public enum StopReason {
  /** The model answered without calling a tool. */
  COMPLETED,
  /** {@code behavior.max_iterations} model calls were made. */
  MAX_ITERATIONS,
  /** The activation's token budget was spent. */
  TOKEN_BUDGET,
  /** The wall-clock deadline passed. */
  DEADLINE,
  /** The gateway refused the next model call: one of the agent's budgets is spent. */
  BUDGET;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
