package io.botburrow.runner.activation;

import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.LoopResult;

/** Tokens, cost and loops of one activation, summed over its agent loops. */
final class RunTally {
  private Usage usage = Usage.ZERO;
  private double cost;
  private int loops;
  private String model = "";

  synchronized void add(LoopResult r) {
    usage = usage.plus(r.usage());
    cost += r.costUsd();
    loops++;
    model = r.model();
  }

  synchronized Usage usage() {
    return usage;
  }

  synchronized double cost() {
    return cost;
  }

  synchronized int loops() {
    return loops;
  }

  synchronized String model() {
    return model;
  }
}
