package io.botburrow.channels.discord;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A gateway connection's heartbeat: the schedule HELLO asks for, and whether Discord acknowledged the
 * last beat. Thread-safe.
 */
final class GatewayHeartbeat {
  private final ScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;
  private boolean acked = true;

  GatewayHeartbeat(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Runs {@code beat} every {@code intervalMs}, the first time after a random part of it, as Discord asks. */
  synchronized void start(long intervalMs, Runnable beat) {
    stop();
    acked = true;
    long first = (long) (intervalMs * ThreadLocalRandom.current().nextDouble());
    task = scheduler.scheduleAtFixedRate(beat, first, intervalMs, TimeUnit.MILLISECONDS);
  }

  synchronized void acked() {
    acked = true;
  }

  /**
   * Called as a beat goes out: whether the one before went unacknowledged, which means the connection is
   * a zombie.
   */
  synchronized boolean missed() {
    boolean zombie = !acked;
    acked = false;
    return zombie;
  }

  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}
