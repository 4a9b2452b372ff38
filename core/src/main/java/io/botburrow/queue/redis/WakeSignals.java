package io.botburrow.queue.redis;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Local wake-ups for waiting claims, fed by the queue's pub/sub channel. Each message lets one waiter
 * per interested pool try again: a permit outlives a message that arrives before anyone waits, so no
 * wake-up is lost, and the cap bounds the empty claims that stale permits can cause.
 */
final class WakeSignals {
  private static final int MAX_PERMITS = 16;

  private final Map<RunnerPool, Semaphore> permits = new EnumMap<>(RunnerPool.class);

  WakeSignals() {
    for (RunnerPool pool : RunnerPool.values()) {
      permits.put(pool, new Semaphore(0));
    }
  }

  /** Handles a wake-up message: {@code <kind>} or {@code <kind>:<count>}. Ignores anything else. */
  void onMessage(String message) {
    String[] parts = message.split(":", 2);
    try {
      ActivationKind kind = ActivationKind.fromWire(parts[0]);
      signal(kind, parts.length == 2 ? Integer.parseInt(parts[1]) : 1);
    } catch (IllegalArgumentException e) {
      // not ours; a wake-up is only a hint, polling covers a lost one
    }
  }

  /** {@code count} activations of {@code kind} became claimable somewhere. */
  void signal(ActivationKind kind, int count) {
    for (RunnerPool pool : RunnerPool.values()) {
      if (pool.kinds().contains(kind)) {
        Semaphore semaphore = permits.get(pool);
        int release = Math.min(count, MAX_PERMITS - semaphore.availablePermits());
        if (release > 0) {
          semaphore.release(release);
        }
      }
    }
  }

  /** Waits up to {@code timeout} for a wake-up; returns early when interrupted (flag kept set). */
  void await(RunnerPool pool, Duration timeout) {
    try {
      permits.get(pool).tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
