package io.botburrow.coordinator.duties;

import java.time.Duration;

/** Exponential backoff after consecutive failures: 1 s, 2 s, 4 s ... capped. */
public final class Backoff {
  private Backoff() {}

  public static Duration after(int consecutiveFailures, Duration cap) {
    if (consecutiveFailures <= 0) {
      return Duration.ZERO;
    }
    long millis = 1000L << Math.min(consecutiveFailures - 1, 20);
    return millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
  }
}
