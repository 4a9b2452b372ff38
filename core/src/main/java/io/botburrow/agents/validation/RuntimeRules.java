package io.botburrow.agents.validation;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the runners can actually do with a definition, beyond what the schema allows: which agent
 * {@code type}s they run and which MCP servers they know by name. The one place both lists live; an
 * executor for another type adds its type here ({@link #withRunnableType}).
 *
 * @param runnableTypes agent types the runners execute: {@code native} and the CLI executors
 *     ({@code claude-code}, {@code codex}; runner/.../executor/ExecutorFactory)
 * @param knownMcpServers MCP server names agents may use in the short form: the runner's built-in
 *     catalog ({@code runner/.../mcp/McpServerCatalog#builtIn}, kept in step by a cli test) plus
 *     {@code hub}, the name the agent-definitions use for the Hub tools
 */
public record RuntimeRules(Set<String> runnableTypes, Set<String> knownMcpServers) {
  public static final RuntimeRules DEFAULT =
      new RuntimeRules(Set.of("native", "claude-code", "codex"), Set.of("filesystem", "memory", "github", "brave", "hub"));

  public RuntimeRules {
    runnableTypes = Set.copyOf(Objects.requireNonNull(runnableTypes, "runnableTypes"));
    knownMcpServers = Set.copyOf(Objects.requireNonNull(knownMcpServers, "knownMcpServers"));
    if (runnableTypes.isEmpty()) {
      throw new IllegalArgumentException("runnableTypes: at least one type must be runnable");
    }
  }

  public RuntimeRules withRunnableType(String type) {
    Set<String> types = new LinkedHashSet<>(runnableTypes);
    types.add(type);
    return new RuntimeRules(types, knownMcpServers);
  }

  /** {@code native} or {@code aider, native}: sorted, for messages. */
  String describeRunnable() {
    return String.join(", ", runnableTypes.stream().sorted().toList());
  }

  String describeKnownMcp() {
    return String.join(", ", knownMcpServers.stream().sorted().toList());
  }
}
