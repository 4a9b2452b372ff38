package io.botburrow.runner.mcp;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP servers the runner knows by name, as configured by the operator (image, credentials,
 * network), and how an agent's request maps onto them. An agent can name a known server, or use the
 * object form to change its command and plain env; it can never add credentials or network.
 */
public final class McpServerCatalog {
  private final Map<String, McpServerDefinition> servers;
  private final String defaultImage;

  /** @param defaultImage image for object-form servers the catalog does not know (null: refuse them) */
  public McpServerCatalog(Map<String, McpServerDefinition> servers, String defaultImage) {
    this.servers = Map.copyOf(servers);
    this.defaultImage = defaultImage;
  }

  /** {@code filesystem} and {@code memory} (built by sandbox-images/), {@code github} and {@code brave}. */
  public static McpServerCatalog builtIn(SandboxLimits limits) {
    Map<String, McpServerDefinition> servers = new LinkedHashMap<>();
    servers.put("filesystem", new McpServerDefinition("filesystem", "botburrow/mcp-filesystem:latest", List.of(),
        Map.of(), List.of(), McpServerDefinition.NO_NETWORK, true, limits));
    servers.put("memory", new McpServerDefinition("memory", "botburrow/mcp-memory:latest", List.of(), Map.of(),
        List.of(), McpServerDefinition.NO_NETWORK, false, limits));
    servers.put("github", new McpServerDefinition("github", "botburrow/mcp-github:latest", List.of(), Map.of(),
        List.of(McpCredential.fromEnv("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_PAT")), "bridge", false, limits));
    servers.put("brave", new McpServerDefinition("brave", "botburrow/mcp-brave-search:latest", List.of(), Map.of(),
        List.of(McpCredential.fromEnv("BRAVE_API_KEY", "BRAVE_API_KEY")), "bridge", false, limits));
    return new McpServerCatalog(servers, null);
  }

  /** A catalog with {@code server} added or replacing the one of the same name. */
  public McpServerCatalog with(McpServerDefinition server) {
    Map<String, McpServerDefinition> copy = new HashMap<>(servers);
    copy.put(server.name(), server);
    return new McpServerCatalog(copy, defaultImage);
  }

  /**
   * @throws McpException (not retryable) for an unknown server without an image to run it with
   */
  public McpServerDefinition resolve(McpServerRequest request, SandboxLimits fallbackLimits) {
    McpServerDefinition known = servers.get(request.name());
    String image = request.image() != null ? request.image() : known != null ? known.image() : defaultImage;
    if (image == null) {
      throw new McpException("unknown MCP server " + request.name() + " (known: " + servers.keySet() + ")", false, null);
    }
    List<String> command = new ArrayList<>();
    if (request.command() != null) {
      command.add(request.command());
      command.addAll(request.args());
    } else if (known != null) {
      command.addAll(known.command());
    }
    Map<String, String> env = new HashMap<>(known == null ? Map.of() : known.env());
    env.putAll(request.env());
    return new McpServerDefinition(request.name(), image, command, env,
        known == null ? List.of() : known.credentials(),
        known == null ? McpServerDefinition.NO_NETWORK : known.network(),
        known != null && known.mountsWorkspace(),
        known == null ? fallbackLimits : known.limits());
  }
}
