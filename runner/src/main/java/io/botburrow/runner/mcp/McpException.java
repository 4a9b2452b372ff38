package io.botburrow.runner.mcp;

/** An MCP sidecar could not be started, or the server failed to answer. */
public class McpException extends RuntimeException {
  private final boolean retryable;

  public McpException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
