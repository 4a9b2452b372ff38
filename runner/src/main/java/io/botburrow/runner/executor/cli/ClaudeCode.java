package io.botburrow.runner.executor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.ShellPolicy;
import io.botburrow.runner.agent.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claude Code ({@code @anthropic-ai/claude-code}) headless: {@code claude -p PROMPT --output-format
 * stream-json --verbose}, the definition's prompt appended to Claude Code's own, {@code --max-turns}
 * from {@code behavior.max_iterations}, only the built-in tools the grants allow, no MCP servers or
 * settings but the runner's ({@code --strict-mcp-config}: only the runner's MCP gateway, whose tools
 * are allowed one by one as {@code mcp__<server>__<tool>}), no auto-update, telemetry or other traffic.
 */
public final class ClaudeCode implements CliAgent {
  public static final String NAME = "claude-code";
  private static final List<String> READ_TOOLS = List.of("Read", "Glob", "Grep");
  private static final List<String> WRITE_TOOLS = List.of("Edit", "Write", "NotebookEdit");
  private final ObjectMapper json;

  public ClaudeCode(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> environment(String gatewayUrl, String token, CliTask task) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ANTHROPIC_BASE_URL", gatewayUrl);
    env.put("ANTHROPIC_API_KEY", token);
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    env.put("DISABLE_TELEMETRY", "1");
    env.put("DISABLE_ERROR_REPORTING", "1");
    // the gateway meters and budgets output: thinking would spend it unseen
    env.put("MAX_THINKING_TOKENS", "0");
    if (task.maxOutputTokens() > 0) {
      env.put("CLAUDE_CODE_MAX_OUTPUT_TOKENS", Integer.toString(task.maxOutputTokens()));
    }
    env.put("HOME", "/tmp/home");
    return env;
  }

  @Override
  public List<String> command(CliTask task) {
    List<String> argv = new ArrayList<>(List.of("claude", "-p", task.prompt(), "--output-format", "stream-json",
        "--verbose", "--model", task.model(), "--max-turns", Integer.toString(task.maxTurns()),
        "--strict-mcp-config", "--setting-sources", "user", "--no-session-persistence"));
    task.directories().forEach(dir -> argv.addAll(List.of("--add-dir", dir)));
    if (!task.systemPrompt().isBlank()) {
      argv.addAll(List.of("--append-system-prompt", task.systemPrompt()));
    }
    Set<String> offered = new LinkedHashSet<>();
    task.tools().forEach(rule -> offered.add(rule.contains("(") ? rule.substring(0, rule.indexOf('(')) : rule));
    argv.addAll(List.of("--tools", String.join(",", offered)));
    List<String> allowed = new ArrayList<>(task.tools());
    if (!task.mcp().isEmpty()) {
      argv.addAll(List.of("--mcp-config", mcpConfig(task.mcp())));
      task.mcp().tools().forEach((server, names) -> names.forEach(n -> allowed.add(mcpToolName(server, n))));
    }
    if (!allowed.isEmpty()) {
      argv.addAll(List.of("--allowedTools", String.join(",", allowed)));
    }
    if (!task.denied().isEmpty()) {
      argv.addAll(List.of("--disallowedTools", String.join(",", task.denied())));
    }
    return argv;
  }

  /** How Claude Code names a tool of an MCP server. */
  static String mcpToolName(String server, String tool) {
    return "mcp__" + server + "__" + tool;
  }

  /** {@code {"mcpServers":{NAME:{"type":"http","url":URL,"headers":{"Authorization":"Bearer TOKEN"}}}}}. */
  private String mcpConfig(CliMcpConfig mcp) {
    Map<String, Object> servers = new LinkedHashMap<>();
    mcp.servers().forEach((name, url) -> servers.put(name, Map.of("type", "http", "url", url,
        "headers", Map.of("Authorization", "Bearer " + mcp.token()))));
    try {
      return json.writeValueAsString(Map.of("mcpServers", servers));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("MCP configuration not serializable", e);
    }
  }

  @Override
  public List<String> tools(AgentConfig config) {
    Set<String> grants = Set.copyOf(config.capabilities().grants());
    Set<String> tools = new LinkedHashSet<>();
    if (grants.contains("filesystem:read") || grants.contains("filesystem:write")) {
      tools.addAll(READ_TOOLS);
    }
    if (grants.contains("filesystem:write")) {
      tools.addAll(WRITE_TOOLS);
    }
    ShellPolicy shell = config.capabilities().shell();
    if (shell.enabled()) {
      if (shell.allowedCommands().isEmpty()) {
        tools.add("Bash");
      } else {
        shell.allowedCommands().forEach(c -> tools.add("Bash(" + c + " *)"));
        shell.allowedCommands().forEach(c -> tools.add("Bash(" + c + ")"));
      }
    }
    return List.copyOf(tools);
  }

  /**
   * A Bash deny rule per blocked pattern, matching it anywhere in a command ({@code Bash(*sudo*)}).
   * Claude Code applies deny rules before allow rules. They narrow what the model may run; the sandbox,
   * not these rules, is what keeps a command from doing harm.
   */
  @Override
  public List<String> denied(AgentConfig config) {
    ShellPolicy shell = config.capabilities().shell();
    if (!shell.enabled()) {
      return List.of();
    }
    return shell.blockedPatterns().stream().filter(p -> !p.isBlank())
        .map(p -> "Bash(*" + p.replace("\\", "\\\\").replace("*", "\\*") + "*)")
        .toList();
  }

  /** The last {@code result} event of the stream; lines that are not JSON are skipped. */
  @Override
  public Optional<CliOutput> read(String stdout) {
    CliOutput last = null;
    for (String line : stdout.split("\n")) {
      if (!line.startsWith("{\"type\":\"result\"") && !line.contains("\"type\":\"result\"")) {
        continue;
      }
      JsonNode event;
      try {
        event = json.readTree(line);
      } catch (JsonProcessingException e) {
        continue;
      }
      if (!"result".equals(event.path("type").asText())) {
        continue;
      }
      String subtype = event.path("subtype").asText("");
      StopReason stop = subtype.equals("error_max_turns") ? StopReason.MAX_ITERATIONS : StopReason.COMPLETED;
      boolean error = event.path("is_error").asBoolean(false) && stop != StopReason.MAX_ITERATIONS;
      last = new CliOutput(event.path("result").asText(""), stop, event.path("num_turns").asInt(0), error);
    }
    return Optional.ofNullable(last);
  }
}
