package io.botburrow.runners;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one observer has seen of one runner's heartbeats, on the observer's own clock. A runner is
 * dead only when the observer watched it for a whole window and saw no new beat in it: beats the
 * observer could not have seen (before it started watching, while it could not read, before the
 * backend lost its state) never count against the runner. Pure.
 *
 * @param since when the observer last saw a new beat, or started watching if it has seen none since
 * @param lastBeatId the id of the latest beat seen, or {@code null}
 * @param interval the runner's promised beat interval, from its latest beat ({@code ZERO} if none seen)
 */
public record RunnerObservation(Instant since, String lastBeatId, Duration interval) {
  /** A runner is given at least this many of its own intervals before it counts as dead. */
  public static final int MISSED_BEATS = 3;

  public RunnerObservation {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(interval, "interval");
  }

  /** Starts watching at {@code now}; a beat already there is no evidence of life, since it may be old. */
  public static RunnerObservation start(Beat current, Instant now) {
    return current == null ? new RunnerObservation(now, null, Duration.ZERO)
        : new RunnerObservation(now, current.id(), current.interval());
  }

  /** After reading {@code current} (null when the backend holds none) at {@code now}. */
  public RunnerObservation next(Beat current, Instant now) {
    if (current == null || current.id().equals(lastBeatId)) {
      return this;
    }
    return new RunnerObservation(now, current.id(), current.interval());
  }

  /**
   * Whether the runner missed every beat in the window before {@code now}: {@code deadAfter}, or
   * {@link #MISSED_BEATS} of its own intervals if that is longer.
   */
  public boolean isDead(Instant now, Duration deadAfter) {
    Duration window = deadAfter;
    Duration ownWindow = interval.multipliedBy(MISSED_BEATS);
    if (ownWindow.compareTo(window) > 0) {
      window = ownWindow;
    }
    return !now.isBefore(since.plus(window));
  }
}
