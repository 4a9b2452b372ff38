package io.botburrow.runner.executor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.ShellPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Codex CLI ({@code @openai/codex}) headless: {@code codex exec --json PROMPT}, configured by a
 * {@code config.toml} written into a {@code CODEX_HOME} on the sandbox's tmpfs ({@link CodexConfig}):
 * one model provider, the runner's gateway over the Responses API with the activation token as its
 * key; no approvals; Codex's own sandbox off (the container is the sandbox, and Codex's needs the
 * namespaces the hardened container forbids); the definition's prompt as developer instructions.
 *
 * <p>Codex's tools are its shell ({@code exec_command}) and file patches through it; it has no
 * allow-only command list, so it gets its shell only when {@code capabilities.shell} is enabled
 * without {@code allowed_commands}. It has no turn limit: the activation's token budget and deadline
 * bound it.
 */
public final class Codex implements CliAgent {
  public static final String NAME = "codex";
  /** The variable Codex reads its provider key from: the activation token. */
  static final String TOKEN_ENV = "BOTBURROW_GATEWAY_TOKEN";
  static final String CONFIG_ENV = "BOTBURROW_CODEX_CONFIG";
  static final String HOME = "/tmp/home";
  static final String CODEX_HOME = HOME + "/.codex";
  static final String SHELL_TOOL = "exec_command";
  /** Writes the configuration the environment carries, then runs Codex with no stdin (it would wait for it). */
  static final String LAUNCH = "mkdir -p \"$CODEX_HOME\" && printf '%s' \"$" + CONFIG_ENV
      + "\" > \"$CODEX_HOME/config.toml\" && exec \"$@\" < /dev/null";

  private final CodexEvents events;

  public Codex(ObjectMapper json) {
    this.events = new CodexEvents(json);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> environment(String gatewayUrl, String token, CliTask task) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", HOME);
    env.put("CODEX_HOME", CODEX_HOME);
    env.put(TOKEN_ENV, token);
    env.put(CONFIG_ENV, CodexConfig.toml(gatewayUrl + "/v1", TOKEN_ENV, task));
    env.put("NO_COLOR", "1");
    return env;
  }

  @Override
  public List<String> command(CliTask task) {
    // "--" ends the options: a prompt may start with a dash
    return List.of("sh", "-c", LAUNCH, "codex", "codex", "exec", "--json", "--skip-git-repo-check", "--ephemeral",
        "--color", "never", "--model", task.model(), "--", task.prompt());
  }

  @Override
  public List<String> tools(AgentConfig config) {
    ShellPolicy shell = config.capabilities().shell();
    return shell.enabled() && shell.allowedCommands().isEmpty() ? List.of(SHELL_TOOL) : List.of();
  }

  /** The last agent message of a completed turn; a failed turn is an error; no turn at all is empty. */
  @Override
  public Optional<CliOutput> read(String stdout) {
    return events.read(stdout);
  }
}
