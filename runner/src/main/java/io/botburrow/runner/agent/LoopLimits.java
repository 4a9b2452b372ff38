package io.botburrow.runner.agent;

import java.time.Instant;

/**
 * Bounds of one agent loop.
 *
 * @param maxIterations model calls at most ({@code behavior.max_iterations})
 * @param maxTokens input + output tokens at most for the activation
 * @param deadline wall-clock deadline
 */
public record LoopLimits(int maxIterations, long maxTokens, Instant deadline) {
  public LoopLimits {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1");
    }
  }
}
