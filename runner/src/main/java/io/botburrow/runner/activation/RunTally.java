package io.botburrow.runner.activation;

import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;

/**
 * Tokens, cost and loops of one activation. Model calls are counted as they return, so an activation
 * that later fails, times out or is cancelled still reports what it consumed.
 */
final class RunTally implements NativeAgentLoop.CallMeter {
  private Usage usage = Usage.ZERO;
  private double cost;
  private int calls;
  private int loops;
  private String model = "";
  private String stopReason = "";

  @Override
  public synchronized void called(String model, Usage callUsage, double costUsd) {
    usage = usage.plus(callUsage);
    cost += costUsd;
    calls++;
    this.model = model;
  }

  synchronized void loopDone(LoopResult r) {
    loops++;
    model = r.model();
    stopReason = r.stopReason().wireName();
  }

  synchronized Usage usage() {
    return usage;
  }

  synchronized double cost() {
    return cost;
  }

  /** Model calls made. */
  synchronized int calls() {
    return calls;
  }

  synchronized int loops() {
    return loops;
  }

  /** Why the last agent loop stopped ({@code completed}, {@code max_iterations}, …); empty when none ran. */
  synchronized String stopReason() {
    return stopReason;
  }

  synchronized String model() {
    return model;
  }
}
