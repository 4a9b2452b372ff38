package io.botburrow.runner.mcp;

import io.botburrow.runner.sandbox.SandboxLimits;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Map;

/**
 * {@code botburrow.mcp.servers.<name>.*}: an MCP server the operator adds to the catalog (or replaces
 * a built-in one with). Agents list it by name; its credentials come from {@code
 * botburrow.mcp.credentials.<name>}.
 *
 * @param image the sidecar image, required
 * @param command replaces the image's command (arguments of its entrypoint) when set
 * @param network Docker network mode; {@code none} unless the server must reach a remote API
 * @param mountsWorkspace mount the activation's workspace at {@code /workspace}
 */
@EachProperty("botburrow.mcp.servers")
public record McpServerProperties(
    @Parameter String name,
    String image,
    @Nullable List<String> command,
    @Bindable(defaultValue = McpServerDefinition.NO_NETWORK) String network,
    @Bindable(defaultValue = "false") boolean mountsWorkspace) {

  public McpServerDefinition definition(SandboxLimits limits) {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("botburrow.mcp.servers." + name + ".image is required");
    }
    return new McpServerDefinition(name, image, command, Map.of(), List.of(), network, mountsWorkspace, limits);
  }
}
