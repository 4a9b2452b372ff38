package io.botburrow.runner.tools.sandbox;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code shell}: runs a command with {@code sh -c} in the activation's sandbox, within the shell rules. */
public final class ShellTool implements AgentTool {
  public static final String NAME = "shell";

  private final Sandbox sandbox;
  private final ShellRules rules;
  private final ShellPolicy policy;
  private final int outputCapBytes;

  public ShellTool(Sandbox sandbox, ShellRules rules, int outputCapBytes) {
    this.sandbox = sandbox;
    this.rules = rules;
    this.policy = new ShellPolicy(rules);
    this.outputCapBytes = outputCapBytes;
  }

  @Override
  public ToolSpec spec() {
    String allowed = rules.allowedCommands().isEmpty() ? "" : " Allowed commands: " + String.join(", ", rules.allowedCommands()) + ".";
    return new ToolSpec(NAME, "Run a shell command (sh -c) in your sandbox: working directory /workspace, no network, "
        + "killed after " + rules.timeoutSeconds() + " s." + allowed,
        Map.of("type", "object",
            "properties", Map.of("command", Map.of("type", "string", "description", "the command line to run")),
            "required", List.of("command")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    String command;
    try {
      command = ToolArguments.parse(argumentsJson).requiredString("command");
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    }
    Optional<String> refusal = policy.refusal(command);
    if (refusal.isPresent()) {
      return ToolOutcome.error("refused: " + refusal.get());
    }
    ExecResult result;
    try {
      result = sandbox.shell(command, Duration.ofSeconds(rules.timeoutSeconds()), outputCapBytes);
    } catch (SandboxException e) {
      if (e.retryable()) {
        throw e;
      }
      return ToolOutcome.error("the sandbox could not run the command: " + e.getMessage());
    }
    return new ToolOutcome(describe(result, rules.timeoutSeconds()), !result.succeeded());
  }

  /** What the model reads: exit status, why it ended when a limit was hit, then both streams. */
  static String describe(ExecResult result, int timeoutSeconds) {
    StringBuilder text = new StringBuilder();
    switch (result.termination()) {
      case OOM_KILLED -> text.append("killed: out of memory (the sandbox's memory limit was reached)\n");
      case PIDS_EXHAUSTED -> text.append("failed: the sandbox's process limit was reached (cannot fork)\n");
      case TIMED_OUT -> text.append("killed: timed out after ").append(timeoutSeconds).append(" s\n");
      case EXITED -> { }
    }
    text.append("exit code: ").append(result.exitCode()).append('\n');
    if (!result.stdout().isEmpty()) {
      text.append("stdout:\n").append(result.stdout()).append(result.stdout().endsWith("\n") ? "" : "\n");
    }
    if (!result.stderr().isEmpty()) {
      text.append("stderr:\n").append(result.stderr()).append(result.stderr().endsWith("\n") ? "" : "\n");
    }
    return text.toString();
  }
}
