package io.botburrow.runner.mcp;

import java.util.Map;
import java.util.Objects;

/** A tool as the MCP server lists it. */
public record McpToolInfo(String name, String description, Map<String, Object> inputSchema) {
  public McpToolInfo {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
  }
}
