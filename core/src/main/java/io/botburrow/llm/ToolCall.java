package io.botburrow.llm;

import java.util.Objects;

/**
 * A tool invocation requested by the model.
 *
 * @param id provider-assigned call id, echoed back in the {@link ChatMessage.ToolResult}
 * @param name tool name
 * @param argumentsJson the arguments as a JSON object text
 */
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}
