package io.botburrow.runner.agent;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.Usage;

/**
 * What one agent loop produced.
 *
 * @param finalText the model's last text (may be empty)
 * @param stopReason why it ended
 * @param iterations model calls made
 * @param usage tokens counted from the provider's usage
 * @param costUsd estimated cost
 * @param model the model that answered last
 * @param budget with {@link StopReason#BUDGET}, the budget that refused the next call; else null
 */
public record LoopResult(String finalText, StopReason stopReason, int iterations, Usage usage, double costUsd, String model,
    BudgetExceededException budget) {

  public LoopResult(String finalText, StopReason stopReason, int iterations, Usage usage, double costUsd, String model) {
    this(finalText, stopReason, iterations, usage, costUsd, model, null);
  }

  public LoopResult withFinalText(String text) {
    return new LoopResult(text, stopReason, iterations, usage, costUsd, model, budget);
  }
}
