package io.botburrow.runner.mcp.gateway;

import io.botburrow.runner.tools.AgentTool;
import java.util.Map;
import java.util.Objects;

/**
 * A tool the MCP gateway serves to a CLI agent: {@code name} under the MCP server {@code server}
 * (the CLI calls it {@code mcp__<server>__<name>}), run by {@code tool} in the runner.
 */
public record GatewayTool(String server, String name, String description, Map<String, Object> inputSchema, AgentTool tool) {
  public GatewayTool {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(name, "name");
    if (!server.matches("[a-z0-9][a-z0-9-]{0,30}")) {
      throw new IllegalArgumentException("MCP server name must match [a-z0-9][a-z0-9-]{0,30}: " + server);
    }
    description = description == null ? "" : description;
    inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
    Objects.requireNonNull(tool, "tool");
  }

  /** A runner tool (Hub, delegation, HTTP) under its own name. */
  public static GatewayTool of(String server, AgentTool tool) {
    return new GatewayTool(server, tool.spec().name(), tool.spec().description(), tool.spec().parameters(), tool);
  }
}
