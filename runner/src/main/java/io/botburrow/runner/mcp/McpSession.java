package io.botburrow.runner.mcp;

import java.util.List;
import java.util.Map;

/** An initialized connection to one MCP server of one activation. Thread-safe. */
public interface McpSession extends AutoCloseable {

  /** The server name from its definition. */
  String server();

  /** The server's tools ({@code tools/list}); blocks on the first call, cached afterwards. */
  List<McpToolInfo> tools();

  /**
   * Calls a tool ({@code tools/call}). Blocks until the answer or the request timeout.
   *
   * @throws McpException when the server cannot be reached or the sidecar has ended
   */
  McpCallResult call(String tool, Map<String, Object> arguments);

  /** Stops the server and removes its container. Idempotent; never throws. */
  @Override
  void close();
}
