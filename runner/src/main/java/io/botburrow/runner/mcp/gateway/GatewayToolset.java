package io.botburrow.runner.mcp.gateway;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools one activation's MCP gateway serves, and what runs them that ends with the activation (the
 * MCP sidecars). Closing closes those; never throws.
 */
public record GatewayToolset(List<GatewayTool> tools, List<? extends AutoCloseable> resources) implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayToolset.class);
  public static final GatewayToolset NONE = new GatewayToolset(List.of(), List.of());

  public GatewayToolset {
    tools = List.copyOf(tools);
    resources = List.copyOf(resources);
  }

  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("MCP gateway resource could not be closed now; the reaper removes its container later: {}", e.toString());
      }
    }
  }

  /** Opens the toolset once the activation's sandbox exists (servers that work on files mount its workspace). */
  @FunctionalInterface
  public interface Source {
    Source NONE = workspaceId -> GatewayToolset.NONE;

    /**
     * Blocks while sidecars start.
     *
     * @throws io.botburrow.runner.mcp.McpException when a sidecar the agent needs cannot start
     */
    GatewayToolset open(String workspaceId);
  }
}
