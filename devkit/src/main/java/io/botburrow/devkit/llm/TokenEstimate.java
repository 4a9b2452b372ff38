package io.botburrow.devkit.llm;

/** A provider-like token count for text: about four characters per token. */
final class TokenEstimate {
  private TokenEstimate() {}

  static long of(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return Math.max(1, (text.length() + 3) / 4);
  }
}
