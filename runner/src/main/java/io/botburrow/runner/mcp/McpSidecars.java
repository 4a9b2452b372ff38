package io.botburrow.runner.mcp;

/** Port: starts MCP servers as isolated sidecars and connects to them. */
public interface McpSidecars {

  /**
   * Starts the server's container (its own limits, labels and network, its credentials only),
   * connects over its stdio and runs {@code initialize}. Blocks until ready. The caller closes the
   * session when the activation ends.
   *
   * @throws McpException when the sidecar cannot start or does not initialize in time
   */
  McpSession open(McpServerDefinition server, SidecarContext context);
}
