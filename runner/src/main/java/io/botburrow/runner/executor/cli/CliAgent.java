package io.botburrow.runner.executor.cli;

import io.botburrow.agents.AgentConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one agent CLI is run headless in the sandbox: its command line, the environment that points it
 * at the runner's LLM gateway, which of its tools the agent's grants allow, and how its answer is read.
 * Pure: no I/O, so each spec is tested without Docker.
 */
public interface CliAgent {

  /** The agent {@code type} it runs, e.g. {@code claude-code}; also the executor's name. */
  String name();

  /**
   * The CLI's environment. The only credential is {@code token}, the activation's gateway token.
   *
   * @param gatewayUrl the gateway's base URL as the CLI sees it (the forwarder on the sandbox's loopback)
   */
  Map<String, String> environment(String gatewayUrl, String token, CliTask task);

  /** The command line run in the sandbox (behind the gateway forwarder). */
  List<String> command(CliTask task);

  /** The CLI's built-in tools {@code config}'s grants and shell policy allow. */
  List<String> tools(AgentConfig config);

  /** Rules the CLI must refuse although {@link #tools} allows the tool: the shell's blocked patterns. */
  default List<String> denied(AgentConfig config) {
    return List.of();
  }

  /** The final answer from the CLI's standard output; empty when there is none (crash, garbage). */
  Optional<CliOutput> read(String stdout);
}
