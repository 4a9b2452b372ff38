package io.botburrow.runners;

import java.time.Duration;

/** Which runners are alive, from their heartbeats. Methods block on the backend. */
public interface RunnerRegistry {

  /** Records that {@code runnerId} is alive for the next {@code ttl}. Idempotent. */
  void heartbeat(String runnerId, Duration ttl);

  /** Whether {@code runnerId} sent a heartbeat that has not expired. */
  boolean isAlive(String runnerId);

  /** Forgets {@code runnerId} at once (clean shutdown). */
  void leave(String runnerId);
}
