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
 * @param directories sandbox directories besides the workspace the CLI may work in (the agent's memory)
 * @param denied rules the CLI refuses even where {@code tools} would allow them ({@code
 *     capabilities.shell.blocked_patterns})
 * @param mcp the MCP servers the runner's MCP gateway serves it (Hub tools, granted sidecars)
 */
public record CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens,
    List<String> tools, List<String> directories, List<String> denied, CliMcpConfig mcp) {
  public CliTask {
    Objects.requireNonNull(prompt, "prompt");
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    Objects.requireNonNull(model, "model");
    if (maxTurns < 1) {
      throw new IllegalArgumentException("maxTurns must be at least 1");
    }
    tools = List.copyOf(tools);
    directories = directories == null ? List.of() : List.copyOf(directories);
    denied = denied == null ? List.of() : List.copyOf(denied);
    mcp = mcp == null ? CliMcpConfig.NONE : mcp;
  }

  public CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens, List<String> tools) {
    this(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, List.of(), List.of(), CliMcpConfig.NONE);
  }

  public CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens, List<String> tools,
      List<String> directories, List<String> denied) {
    this(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, directories, denied, CliMcpConfig.NONE);
  }

  public CliTask(String prompt, String systemPrompt, String model, int maxTurns, int maxOutputTokens, List<String> tools,
      CliMcpConfig mcp) {
    this(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, List.of(), List.of(), mcp);
  }

  /** The same task with another prompt. */
  public CliTask withPrompt(String newPrompt) {
    return new CliTask(newPrompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, directories, denied, mcp);
  }

  /** The same task with the MCP gateway's servers. */
  public CliTask withMcp(CliMcpConfig config) {
    return new CliTask(prompt, systemPrompt, model, maxTurns, maxOutputTokens, tools, directories, denied, config);
  }
}
