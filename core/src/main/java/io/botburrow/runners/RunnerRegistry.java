package io.botburrow.runners;

import java.time.Duration;
import java.util.Collection;

/**
 * Runners' heartbeats. Whether a runner is dead is not the registry's answer but an observer's
 * ({@link RunnerObserver}): a backend that lost its state (a Redis restart without persistence) must
 * not make every runner look dead. Methods block on the backend and throw {@link
 * io.botburrow.queue.QueueUnavailableException} when it cannot be reached.
 */
public interface RunnerRegistry {

  /**
   * Records a heartbeat of {@code runnerId}, which promises the next one within {@code interval}.
   * Every call records a beat whose id differs from every earlier beat of any runner, also after the
   * backend lost its state.
   */
  void heartbeat(String runnerId, Duration interval);

  /** The latest beats of these runners that the backend still holds, and the backend's generation. */
  RunnerBeats beats(Collection<String> runnerIds);

  /** Forgets {@code runnerId} at once (clean shutdown). Idempotent. */
  void leave(String runnerId);
}
