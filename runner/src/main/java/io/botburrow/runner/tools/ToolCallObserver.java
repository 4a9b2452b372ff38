package io.botburrow.runner.tools;

import java.time.Duration;

/**
 * Hears of every tool call an agent makes, whichever way it reached the runner (the native loop, or a
 * CLI agent through the MCP gateway), so both count in the same metrics.
 */
@FunctionalInterface
public interface ToolCallObserver {
  ToolCallObserver NONE = (tool, status, took) -> {};

  /** The outcome of a tool call's status: the tool answered. */
  String OK = "ok";
  /** The tool answered with an error result (bad arguments, a refused action). */
  String ERROR = "error";
  /** The tool failed (an unreachable sidecar, a Hub outage): the call threw. */
  String FAILED = "failed";

  /**
   * @param tool the tool's name as the native loop offers it ({@code hub_search}, {@code memory__read_graph})
   * @param status {@link #OK}, {@link #ERROR} or {@link #FAILED}
   */
  void called(String tool, String status, Duration took);

  /**
   * The call in full, for observers that keep more than its status (the audit trail). By default it is
   * told as {@link #called(String, String, Duration)}.
   *
   * @param argumentsJson the arguments as the agent sent them (secrets not yet hidden)
   * @param outcome what the tool answered, or null when it threw {@code failure}
   */
  default void called(String tool, String argumentsJson, ToolOutcome outcome, RuntimeException failure, Duration took) {
    called(tool, outcome == null ? FAILED : outcome.isError() ? ERROR : OK, took);
  }

  /** Both observers, {@code first} first. */
  static ToolCallObserver both(ToolCallObserver first, ToolCallObserver second) {
    return new ToolCallObserver() {
      @Override
      public void called(String tool, String status, Duration took) {
        first.called(tool, status, took);
        second.called(tool, status, took);
      }

      @Override
      public void called(String tool, String argumentsJson, ToolOutcome outcome, RuntimeException failure, Duration took) {
        first.called(tool, argumentsJson, outcome, failure, took);
        second.called(tool, argumentsJson, outcome, failure, took);
      }
    };
  }
}
