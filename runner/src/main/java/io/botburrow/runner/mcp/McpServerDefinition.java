package io.botburrow.runner.mcp;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one MCP server as a sidecar container.
 *
 * @param name the server name the agent config uses ({@code filesystem}); prefixes its tool names
 *     and its grants ({@code filesystem:read})
 * @param image the container image
 * @param command replaces the image's command (arguments of its entrypoint) when not empty
 * @param env plain (non-secret) environment
 * @param credentials secrets injected into this sidecar only
 * @param network the Docker network mode; {@code none} unless the server must reach a remote API
 * @param mountsWorkspace mount the activation's workspace at {@code /workspace} (file-working servers)
 * @param limits the sidecar's own resource limits
 */
public record McpServerDefinition(
    String name,
    String image,
    List<String> command,
    Map<String, String> env,
    List<McpCredential> credentials,
    String network,
    boolean mountsWorkspace,
    SandboxLimits limits) {

  public static final String NO_NETWORK = "none";

  public McpServerDefinition {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
      throw new IllegalArgumentException("MCP server name must match [a-z0-9][a-z0-9-]{0,30}: " + name);
    }
    Objects.requireNonNull(image, "image");
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    network = network == null || network.isBlank() ? NO_NETWORK : network;
    Objects.requireNonNull(limits, "limits");
  }
}
