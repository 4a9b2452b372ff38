package io.botburrow.gateway.front;

/** Stop reasons in each front's words, whichever provider answered. Pure. */
final class StopReasons {
  private StopReasons() {}

  static String openAi(String reason, boolean calledTools) {
    return switch (reason) {
      case "end_turn", "stop_sequence", "stop", "" -> calledTools ? "tool_calls" : "stop";
      case "tool_use", "tool_calls" -> "tool_calls";
      case "max_tokens", "length" -> "length";
      case "refusal", "content_filter" -> "content_filter";
      default -> reason;
    };
  }

  static String anthropic(String reason, boolean calledTools) {
    return switch (reason) {
      case "stop", "end_turn", "" -> calledTools ? "tool_use" : "end_turn";
      case "tool_calls", "tool_use" -> "tool_use";
      case "length", "max_tokens" -> "max_tokens";
      case "content_filter", "refusal" -> "refusal";
      case "stop_sequence" -> "stop_sequence";
      default -> "end_turn";
    };
  }
}
