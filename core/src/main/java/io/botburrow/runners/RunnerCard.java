package io.botburrow.runners;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a runner says about itself with each heartbeat, for operators: its pool, how many activations it
 * runs at once, and when it last said so.
 *
 * @param runnerId the runner
 * @param pool the pool it claims for (its wire name)
 * @param slots concurrent activations it runs at most
 * @param at when it announced this
 * @param interval when it promised its next announcement
 */
public record RunnerCard(String runnerId, String pool, int slots, Instant at, Duration interval) {
  public RunnerCard {
    Objects.requireNonNull(runnerId, "runnerId");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(interval, "interval");
    if (slots < 0) {
      throw new IllegalArgumentException("slots must not be negative");
    }
  }

  /** Whether the runner missed {@link RunnerObservation#MISSED_BEATS} announcements by {@code now}. */
  public boolean silent(Instant now) {
    Duration window = interval.multipliedBy(RunnerObservation.MISSED_BEATS);
    return now.isAfter(at.plus(window.isZero() ? Duration.ofSeconds(30) : window));
  }
}
