package io.botburrow.runner.sandbox;

import java.util.Set;

/**
 * Which runners (by id) are dead, e.g. from heartbeats in Redis that the asking process has itself
 * watched for long enough. Supplied by the runner for the sandbox reaper; without one, only expired
 * containers are reaped.
 */
@FunctionalInterface
public interface RunnerLiveness {
  RunnerLiveness ASSUME_ALIVE = runnerIds -> Set.of();

  /**
   * The dead among {@code runnerIds}: every runner that owns a managed container or volume, asked once
   * per reaper pass. Must not block for long; on doubt (an error) a runner counts as alive.
   */
  Set<String> dead(Set<String> runnerIds);
}
