package io.botburrow.llm;

import java.util.List;
import java.util.Objects;

/** One call to a chat model. */
public record ChatRequest(String model, List<ChatMessage> messages, List<ToolSpec> tools, double temperature, int maxTokens) {
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
  }
}
