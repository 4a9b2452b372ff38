package io.botburrow.runner.agent;

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
 */
public record LoopResult(String finalText, StopReason stopReason, int iterations, Usage usage, double costUsd, String model) {}
