package io.botburrow.runner.executor.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MCP servers an agent CLI may use: the runner's MCP gateway, one entry per server it serves.
 *
 * @param servers server name → its URL as the CLI sees it (the forwarder on the sandbox's loopback)
 * @param token the bearer token the gateway wants on every request
 * @param tools server name → the tools the gateway serves under it (and nothing else exists there)
 */
public record CliMcpConfig(Map<String, String> servers, String token, Map<String, List<String>> tools) {
  public static final CliMcpConfig NONE = new CliMcpConfig(Map.of(), "", Map.of());

  public CliMcpConfig {
    servers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servers));
    Objects.requireNonNull(token, "token");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    tools.forEach((server, names) -> copy.put(server, List.copyOf(names)));
    tools = java.util.Collections.unmodifiableMap(copy);
  }

  public boolean isEmpty() {
    return servers.isEmpty();
  }
}
