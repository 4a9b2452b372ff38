package io.botburrow.agents;

import java.util.List;
import java.util.Map;

/**
 * An MCP server the agent may use.
 *
 * <p>The string form ({@code - github}) names a built-in server: only {@code name} is set. The object
 * form is {@code {name, command, args, env}} plus the runtime extension {@code image} (the sidecar
 * container image to run {@code command} in).
 *
 * @param name server name, required
 * @param image sidecar image, or null
 * @param command command to start the server over stdio, or null for a built-in server
 * @param args command arguments, empty by default
 * @param env environment for the server, empty by default
 */
public record McpServerSpec(String name, String image, String command, List<String> args, Map<String, String> env) {

  public McpServerSpec {
    Checks.required("name", name);
    image = blankToNull(image);
    command = blankToNull(command);
    args = Checks.copy(args);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** The string form: a built-in server known to the runtime by name. */
  public static McpServerSpec builtin(String name) {
    return new McpServerSpec(name, null, null, List.of(), Map.of());
  }

  /** True for the string form: the runtime decides how to start it. */
  public boolean isBuiltin() {
    return command == null && image == null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
