package io.botburrow.llm;

import java.util.List;

/**
 * The model's answer to one {@link ChatRequest}.
 *
 * @param content assistant text (may be empty when only tools are called)
 * @param toolCalls tool calls requested, in order
 * @param usage tokens as reported by the provider
 * @param finishReason provider's stop reason, e.g. "stop", "tool_calls", "length", "end_turn"
 * @param model the model that actually answered (after any fallback)
 */
public record ChatResponse(String content, List<ToolCall> toolCalls, Usage usage, String finishReason, String model) {
  public ChatResponse {
    content = content == null ? "" : content;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    usage = usage == null ? Usage.ZERO : usage;
    finishReason = finishReason == null ? "" : finishReason;
  }

  public ChatMessage.Assistant asMessage() {
    return new ChatMessage.Assistant(content, toolCalls);
  }
}
