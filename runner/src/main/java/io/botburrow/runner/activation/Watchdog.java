package io.botburrow.runner.activation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces activation deadlines from outside the activation: at the deadline the activation's thread is
 * interrupted, which ends a blocked model call, Hub call or sandbox command, and the timer remembers
 * that it fired so the ending is reported as a timeout.
 */
public final class Watchdog implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("activation-watchdog").factory());
  private final Clock clock;

  public Watchdog(Clock clock) {
    this.clock = clock;
  }

  /** Interrupts {@code thread} at {@code deadline} unless the returned timer is closed first. */
  public Timer arm(Thread thread, Instant deadline) {
    Timer t = new Timer(thread);
    long delay = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    t.future = timer.schedule(t::fire, delay, TimeUnit.MILLISECONDS);
    return t;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One armed deadline. */
  public static final class Timer implements AutoCloseable {
    private final Thread thread;
    private volatile ScheduledFuture<?> future;
    private volatile boolean fired;
    private volatile boolean closed;

    private Timer(Thread thread) {
      this.thread = thread;
    }

    private synchronized void fire() {
      if (!closed) {
        fired = true;
        thread.interrupt();
      }
    }

    /** Whether the deadline passed while the timer was armed. */
    public boolean fired() {
      return fired;
    }

    /** Disarms the timer; after this it never interrupts. */
    @Override
    public synchronized void close() {
      closed = true;
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }
}
