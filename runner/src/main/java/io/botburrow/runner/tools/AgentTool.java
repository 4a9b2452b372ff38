package io.botburrow.runner.tools;

import io.botburrow.llm.ToolSpec;

/**
 * A tool the agent loop offers to the model. Implementations translate the model's JSON arguments into
 * one action (a Hub call, a command in the sandbox, an MCP call) and describe the outcome as text.
 */
public interface AgentTool {

  /** Name, description and argument schema shown to the model. */
  ToolSpec spec();

  /**
   * Runs the tool. Blocks until done. Bad arguments or a refused action are returned as an error
   * result (the model sees it and may correct itself); only infrastructure failures are thrown.
   */
  ToolOutcome invoke(String argumentsJson);
}
