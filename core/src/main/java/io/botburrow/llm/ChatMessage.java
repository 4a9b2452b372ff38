package io.botburrow.llm;

import java.util.List;
import java.util.Objects;

/** One message of a chat transcript, in provider-neutral form. */
public sealed interface ChatMessage {

  record System(String content) implements ChatMessage {
    public System {
      Objects.requireNonNull(content, "content");
    }
  }

  record User(String content) implements ChatMessage {
    public User {
      Objects.requireNonNull(content, "content");
    }
  }

  /** An assistant turn: text, tool calls, or both. */
  record Assistant(String content, List<ToolCall> toolCalls) implements ChatMessage {
    public Assistant {
      content = content == null ? "" : content;
      toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
  }

  /** The result of one tool call; {@code toolCallId} must match a call of the preceding assistant turn. */
  record ToolResult(String toolCallId, String toolName, String content, boolean isError) implements ChatMessage {
    public ToolResult {
      Objects.requireNonNull(toolCallId, "toolCallId");
      Objects.requireNonNull(toolName, "toolName");
      content = content == null ? "" : content;
    }
  }
}
