package io.botburrow.runner.mcp;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MCP servers the runner knows by name, as configured by the operator (image, command,
 * credentials, network), and how an agent's {@code mcp_servers} entry maps onto them.
 *
 * <ul>
 *   <li>A catalog server is used as the operator configured it: an entry naming one may not set
 *       {@code image}, {@code command}, {@code args} or {@code env}, since any of them could make the
 *       server's credentials or network serve the agent instead (another program, a proxy variable).
 *   <li>A custom server (a name the catalog does not know, with its own image) runs only when the
 *       operator allows that image ({@code botburrow.mcp.allowed-custom-images}, none by default), and
 *       then without credentials, without network and without the workspace.
 * </ul>
 */
public final class McpServerCatalog {
  private final Map<String, McpServerDefinition> servers;
  private final Set<String> allowedCustomImages;

  /**
   * @param allowedCustomImages images a custom server may use: exact names, or a prefix ending in
   *     {@code *} ({@code registry.example.com/mcp/*})
   */
  public McpServerCatalog(Map<String, McpServerDefinition> servers, Set<String> allowedCustomImages) {
    this.servers = Map.copyOf(servers);
    this.allowedCustomImages = Set.copyOf(allowedCustomImages);
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
    return new McpServerCatalog(servers, Set.of());
  }

  /** A catalog with {@code server} added or replacing the one of the same name. */
  public McpServerCatalog with(McpServerDefinition server) {
    Map<String, McpServerDefinition> copy = new HashMap<>(servers);
    copy.put(server.name(), server);
    return new McpServerCatalog(copy, allowedCustomImages);
  }

  /** The same catalog, allowing custom servers to run {@code images}. */
  public McpServerCatalog allowingCustomImages(Set<String> images) {
    return new McpServerCatalog(servers, images);
  }

  /** The operator's server of that name, if any. */
  public java.util.Optional<McpServerDefinition> server(String name) {
    return java.util.Optional.ofNullable(servers.get(name));
  }

  /** Every credential some catalog server receives (the secrets the runner hands out). */
  public List<McpCredential> credentials() {
    Set<McpCredential> all = new LinkedHashSet<>();
    servers.values().forEach(s -> all.addAll(s.credentials()));
    return new ArrayList<>(all);
  }

  /**
   * @throws McpException (not retryable) when the entry changes a catalog server, or names a custom
   *     server whose image the operator does not allow
   */
  public McpServerDefinition resolve(McpServerRequest request, SandboxLimits fallbackLimits) {
    McpServerDefinition known = servers.get(request.name());
    return known != null ? asConfigured(known, request) : custom(request, fallbackLimits);
  }

  private static McpServerDefinition asConfigured(McpServerDefinition known, McpServerRequest request) {
    List<String> changed = new ArrayList<>();
    if (request.image() != null && !request.image().equals(known.image())) {
      changed.add("image");
    }
    if (request.command() != null) {
      changed.add("command");
    }
    if (!request.args().isEmpty()) {
      changed.add("args");
    }
    if (!request.env().isEmpty()) {
      changed.add("env");
    }
    if (!changed.isEmpty()) {
      throw new McpException("MCP server " + known.name() + " is provided by this runner's operator and runs as configured: "
          + "an agent may not set its " + String.join(", ", changed) + " (list it by name only, - " + known.name()
          + ", or give a custom server another name)", false, null);
    }
    return known;
  }

  private McpServerDefinition custom(McpServerRequest request, SandboxLimits limits) {
    if (request.image() == null) {
      throw new McpException("unknown MCP server " + request.name() + " (known: " + new java.util.TreeSet<>(servers.keySet())
          + "); a custom server needs an image this runner allows", false, null);
    }
    if (!customImageAllowed(request.image())) {
      throw new McpException("custom MCP server " + request.name() + ": image " + request.image()
          + " is not allowed on this runner (the operator lists allowed images in botburrow.mcp.allowed-custom-images)", false, null);
    }
    List<String> command = new ArrayList<>();
    if (request.command() != null) {
      command.add(request.command());
      command.addAll(request.args());
    }
    return new McpServerDefinition(request.name(), request.image(), command, request.env(), List.of(),
        McpServerDefinition.NO_NETWORK, false, limits);
  }

  boolean customImageAllowed(String image) {
    for (String allowed : allowedCustomImages) {
      if (allowed.endsWith("*") ? image.startsWith(allowed.substring(0, allowed.length() - 1)) : image.equals(allowed)) {
        return true;
      }
    }
    return false;
  }
}
