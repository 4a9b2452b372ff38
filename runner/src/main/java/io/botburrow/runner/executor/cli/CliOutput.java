package io.botburrow.runner.executor.cli;

import io.botburrow.runner.agent.StopReason;

/**
 * What an agent CLI reported at its end.
 *
 * @param text its final answer (may be empty)
 * @param stopReason why it ended
 * @param turns model turns it counted
 * @param error true when the CLI itself reported a failure (then {@code text} says which)
 */
public record CliOutput(String text, StopReason stopReason, int turns, boolean error) {
  public CliOutput {
    text = text == null ? "" : text;
  }
}
