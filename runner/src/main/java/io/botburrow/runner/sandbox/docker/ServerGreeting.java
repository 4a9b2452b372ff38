package io.botburrow.runner.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the command server's greeting on the container's stdout: the channel takes commands only after it,
 * and the first commands wait for it until a deadline before they fall back to exec.
 */
final class ServerGreeting {
  private static final int MAX_BYTES = 4096;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final ByteArrayOutputStream greeting = new ByteArrayOutputStream();
  private final long deadlineNanos;

  /** @param wait how long commands wait for the greeting, counted from now */
  ServerGreeting(Duration wait) {
    this.deadlineNanos = System.nanoTime() + wait.toNanos();
  }

  boolean greeted() {
    return ready.getCount() == 0;
  }

  /** Waits for the greeting until the deadline; false when it has not come (or the wait was interrupted). */
  boolean await() {
    if (ready.getCount() == 0) {
      return true;
    }
    long waitNanos = deadlineNanos - System.nanoTime();
    if (waitNanos <= 0) {
      return false;
    }
    try {
      return ready.await(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Takes stdout written before the greeting came.
   *
   * @return false when more came than a greeting takes without one: not our server
   */
  synchronized boolean accept(byte[] payload) {
    greeting.write(payload, 0, payload.length);
    byte[] seen = greeting.toByteArray();
    if (CommandProtocol.greets(seen)) {
      ready.countDown();
    } else if (seen.length > MAX_BYTES) {
      return false;
    }
    return true;
  }
}
