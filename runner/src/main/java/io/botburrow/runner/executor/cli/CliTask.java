package io.botburrow.runner.executor.cli;

import java.util.List;
import java.util.Objects;

/**
 * One task for an agent CLI, from the definition and the runner.
 *
 * @param prompt the task (thread and notification, or the trigger's prompt)
 * @param systemPrompt the definition's system prompt and skills, appended to the CLI's own
 * @param model the model the CLI asks the gateway for
 * @param maxTurns {@code behavior.max_iterations}
 * @param maxOutputTokens {@code brain.max_tokens}, 0 for the CLI's default
 * @param tools the CLI's built-in tools the grants and {@code capabilities.shell} allow
 * @param mcp the MCP servers the runner's MCP gateway serves it (Hub tools, granted sidecars)
 */
public record CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens,
    List<String> tools, CliMcpConfig mcp) {
  public CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens, List<String> tools) {
    this(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, CliMcpConfig.NONE);
  }

  public CliTask {
    Objects.requireNonNull(prompt, "prompt");
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    Objects.requireNonNull(model, "model");
    if (maxTurns < 1) {
      throw new IllegalArgumentException("maxTurns must be at least 1");
    }
    tools = List.copyOf(tools);
    mcp = mcp == null ? CliMcpConfig.NONE : mcp;
  }

  /** The same task with another prompt. */
  public CliTask withPrompt(String newPrompt) {
    return new CliTask(newPrompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, mcp);
  }

  /** The same task with the MCP gateway's servers. */
  public CliTask withMcp(CliMcpConfig config) {
    return new CliTask(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, config);
  }
}
