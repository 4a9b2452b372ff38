package io.botburrow.llm;

/**
 * Token counts as reported by the provider's usage block.
 *
 * @param inputTokens prompt tokens, cached ones included
 * @param outputTokens completion tokens
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's prompt cache
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens) {
  public static final Usage ZERO = new Usage(0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
    cachedInputTokens = Math.min(cachedInputTokens, inputTokens);
  }

  public Usage(long inputTokens, long outputTokens) {
    this(inputTokens, outputTokens, 0);
  }

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        cachedInputTokens + other.cachedInputTokens);
  }

  public long total() {
    return inputTokens + outputTokens;
  }
}
