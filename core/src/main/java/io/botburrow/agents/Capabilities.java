package io.botburrow.agents;

import java.util.List;

/**
 * What the agent is allowed to do.
 *
 * @param grants permissions as {@code service:permission[:scope]}, e.g. {@code hub:write}; empty by default
 * @param skills skill names ({@code ^[a-z0-9-]+$}) loaded from {@code skills/<name>/SKILL.md}
 * @param mcpServers MCP servers, empty by default
 * @param shell shell policy, disabled by default
 * @param spawning spawning policy, disabled by default
 */
public record Capabilities(
    List<String> grants, List<String> skills, List<McpServerSpec> mcpServers, ShellPolicy shell, Spawning spawning) {

  public Capabilities {
    grants = Checks.eachMatches("grants", grants, Checks.GRANT);
    skills = Checks.eachMatches("skills", skills, Checks.SLUG);
    mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
    shell = shell == null ? ShellPolicy.disabled() : shell;
    spawning = spawning == null ? Spawning.disabled() : spawning;
  }

  /** No grants, skills or servers. */
  public static Capabilities none() {
    return new Capabilities(List.of(), List.of(), List.of(), null, null);
  }

  /** Only the given grants. */
  public static Capabilities grants(String... grants) {
    return new Capabilities(List.of(grants), List.of(), List.of(), null, null);
  }

  public Capabilities withSkills(List<String> newSkills) {
    return new Capabilities(grants, newSkills, mcpServers, shell, spawning);
  }

  public Capabilities withMcpServers(List<McpServerSpec> newServers) {
    return new Capabilities(grants, skills, newServers, shell, spawning);
  }

  public Capabilities withShell(ShellPolicy newShell) {
    return new Capabilities(grants, skills, mcpServers, newShell, spawning);
  }
}
