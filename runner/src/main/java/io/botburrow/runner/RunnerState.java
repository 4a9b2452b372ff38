package io.botburrow.runner;

/** Lifecycle of a runner: legal order is CREATED → RUNNING → DRAINING → STOPPED. */
public enum RunnerState {
  CREATED,
  RUNNING,
  DRAINING,
  STOPPED
}
