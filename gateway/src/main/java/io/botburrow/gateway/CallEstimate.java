package io.botburrow.gateway;

import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;

/**
 * A call's size in tokens before it is sent, for its worst case on the budgets and the rate limits: the
 * input estimated from the request's text, the output its limit or the Messages API's default.
 */
record CallEstimate(long input, long output) {
  /** The Messages API's own default when a request sets no max_tokens. */
  static final int DEFAULT_MAX_OUTPUT = 4096;

  static CallEstimate of(ChatRequest request) {
    long input = inputTokens(request);
    return new CallEstimate(input, request.maxTokens() > 0 ? request.maxTokens() : DEFAULT_MAX_OUTPUT);
  }

  long total() {
    return input + output;
  }

  /** About four characters per token, as providers' tokenizers average on English text and JSON. */
  static long inputTokens(ChatRequest request) {
    long chars = 0;
    for (var message : request.messages()) {
      chars += switch (message) {
        case ChatMessage.System s -> s.content().length();
        case ChatMessage.User u -> u.content().length();
        case ChatMessage.Assistant a -> a.content().length()
            + a.toolCalls().stream().mapToLong(c -> c.name().length() + c.argumentsJson().length()).sum();
        case ChatMessage.ToolResult r -> r.content().length();
      } + 4 * 4;
    }
    for (var tool : request.tools()) {
      chars += tool.name().length() + tool.description().length() + tool.parameters().toString().length();
    }
    return chars / 4 + 1;
  }
}
