package io.botburrow.runners;

import java.time.Duration;
import java.util.Objects;

/**
 * One recorded heartbeat.
 *
 * @param id unique per beat: a new id means the runner beat again
 * @param interval when the runner promised its next beat
 */
public record Beat(String id, Duration interval) {
  public Beat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative");
    }
  }
}
