package io.botburrow.runner.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of the agent config's {@code capabilities.mcp_servers}: a bare name ({@code filesystem})
 * or the object form ({@code name}, {@code command}, {@code args}, {@code env}, optionally {@code image}).
 */
public record McpServerRequest(String name, String image, String command, List<String> args, Map<String, String> env) {
  public McpServerRequest {
    Objects.requireNonNull(name, "name");
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public static McpServerRequest named(String name) {
    return new McpServerRequest(name, null, null, List.of(), Map.of());
  }
}
