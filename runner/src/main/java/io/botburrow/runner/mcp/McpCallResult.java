package io.botburrow.runner.mcp;

/** The text content of a tool call's result and whether the server flagged it as an error. */
public record McpCallResult(String text, boolean isError) {
  public McpCallResult {
    text = text == null ? "" : text;
  }
}
