package io.botburrow.runner.sandbox;

/**
 * Whether a runner (by id) is still alive, e.g. from its heartbeat in Redis. Supplied by the runner
 * for the sandbox reaper; without one, only expired containers are reaped.
 */
@FunctionalInterface
public interface RunnerLiveness {
  RunnerLiveness ASSUME_ALIVE = runnerId -> true;

  /** Must not block for long; an error should count as alive (never reap on doubt). */
  boolean isAlive(String runnerId);
}
