package io.botburrow.runner.tools;

/** What a tool call produced, as text for the model. */
public record ToolOutcome(String content, boolean isError) {
  public ToolOutcome {
    content = content == null ? "" : content;
  }

  public static ToolOutcome ok(String content) {
    return new ToolOutcome(content, false);
  }

  public static ToolOutcome error(String message) {
    return new ToolOutcome(message, true);
  }
}
