package io.botburrow.runner.activation;

import io.botburrow.llm.Usage;

/** How an activation ended. */
public sealed interface ActivationOutcome {

  Usage usage();

  /** Label for the {@code status} metric tag. */
  String status();

  /** Everything handled; {@code detail} says what was done. */
  record Succeeded(String detail, Usage usage) implements ActivationOutcome {
    public String status() {
      return "success";
    }
  }

  /** Something could not be handled; unhandled notifications stay unread. */
  record Failed(String error, boolean retryable, Usage usage) implements ActivationOutcome {
    public String status() {
      return "failure";
    }
  }

  /**
   * The agent could not answer for good (its type cannot run here, its definition is invalid, its budget
   * is spent, the deadline passed) and told each person who asked why. Nothing is left to redeliver.
   */
  record CouldNotAnswer(String reason, Usage usage) implements ActivationOutcome {
    public String status() {
      return "failure";
    }
  }

  /**
   * Not finished because the Hub is down (its health check failed too), not because of the agent: handed back
   * for a later attempt, which counts as none, without opening the agent's circuit.
   */
  record Deferred(String reason, Usage usage) implements ActivationOutcome {
    public String status() {
      return "deferred";
    }
  }

  /** Stopped before finishing (lease lost or drain); released for redelivery. */
  record Cancelled(String reason, Usage usage) implements ActivationOutcome {
    public String status() {
      return "cancelled";
    }
  }
}
