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
}
