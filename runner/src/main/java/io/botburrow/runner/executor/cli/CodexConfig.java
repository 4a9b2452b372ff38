package io.botburrow.runner.executor.cli;

/**
 * The {@code config.toml} a Codex activation runs with. Pure. Everything that would reach a network,
 * a store or a person is off: web search, update checks, analytics, feedback, history, apps, plugins,
 * bundled skills, image generation, sub-agents and request compression (the gateway reads plain JSON).
 */
final class CodexConfig {
  /** The provider's id in the configuration. */
  static final String PROVIDER = "botburrow";

  private CodexConfig() {}

  /**
   * @param baseUrl the gateway's OpenAI base URL as the CLI sees it ({@code http://127.0.0.1:PORT/v1})
   * @param tokenEnv the variable holding the activation token
   */
  static String toml(String baseUrl, String tokenEnv, CliTask task) {
    boolean shell = task.tools().contains(Codex.SHELL_TOOL);
    var toml = new StringBuilder();
    line(toml, "model", quoted(task.model()));
    line(toml, "model_provider", quoted(PROVIDER));
    line(toml, "approval_policy", quoted("never"));
    // the container is the sandbox (network none, read-only root, no capabilities)
    line(toml, "sandbox_mode", quoted("danger-full-access"));
    line(toml, "web_search", quoted("disabled"));
    line(toml, "check_for_update_on_startup", "false");
    line(toml, "hide_agent_reasoning", "true");
    if (!task.systemPrompt().isBlank()) {
      line(toml, "developer_instructions", quoted(task.systemPrompt()));
    }
    toml.append("\n[features]\n");
    for (var feature : new String[] {"goals", "image_generation", "apps", "plugins", "enable_request_compression",
        "memories", "tool_suggest", "skill_search", "computer_use", "browser_use"}) {
      line(toml, feature, "false");
    }
    line(toml, "shell_tool", Boolean.toString(shell));
    line(toml, "unified_exec", Boolean.toString(shell));
    // Codex's bundled skills (image generation, installing skills from GitHub) are for a person's
    // workstation; the definition's skills are already in the developer instructions
    toml.append("\n[skills.bundled]\n");
    line(toml, "enabled", "false");
    toml.append("\n[agents]\n");
    line(toml, "enabled", "false");
    toml.append("\n[analytics]\n");
    line(toml, "enabled", "false");
    toml.append("\n[feedback]\n");
    line(toml, "enabled", "false");
    toml.append("\n[history]\n");
    line(toml, "persistence", quoted("none"));
    toml.append("\n[model_providers.").append(PROVIDER).append("]\n");
    line(toml, "name", quoted("Botburrow gateway"));
    line(toml, "base_url", quoted(baseUrl));
    line(toml, "env_key", quoted(tokenEnv));
    line(toml, "wire_api", quoted("responses"));
    // the gateway retries and falls back itself; a spent budget must end the run
    line(toml, "request_max_retries", "0");
    line(toml, "stream_max_retries", "0");
    return toml.toString();
  }

  private static void line(StringBuilder toml, String key, String value) {
    toml.append(key).append(" = ").append(value).append('\n');
  }

  /** A TOML basic string. */
  static String quoted(String value) {
    var out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
