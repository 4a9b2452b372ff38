package io.botburrow.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an agent's failure circuit opens and for how long: after {@code threshold} consecutive
 * failures it opens for {@code base}, doubling with every further failure up to {@code max}.
 *
 * @param base backoff after the {@code threshold}-th consecutive failure
 * @param max upper bound of the backoff
 * @param threshold consecutive failures that open the circuit (1 = the first failure opens it)
 */
public record CircuitPolicy(Duration base, Duration max, int threshold) {
  public static final Duration DEFAULT_BASE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX = Duration.ofHours(1);
  public static final int DEFAULT_THRESHOLD = 1;

  public CircuitPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base backoff must be positive: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below base " + base);
    }
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
    }
  }

  public static CircuitPolicy defaults() {
    return new CircuitPolicy(DEFAULT_BASE, DEFAULT_MAX, DEFAULT_THRESHOLD);
  }

  /**
   * How long the circuit stays open after {@code failures} consecutive failures; zero while below
   * the threshold.
   */
  public Duration nextBackoff(int failures) {
    if (failures < threshold) {
      return Duration.ZERO;
    }
    int doublings = failures - threshold;
    // 2^62 ms overflows long arithmetic long before; cap the exponent once max is surely reached.
    if (doublings >= 62 || base.toMillis() > (max.toMillis() >> doublings)) {
      return max;
    }
    return base.multipliedBy(1L << doublings);
  }

  /**
   * The backoffs for 1, 2, ... consecutive failures up to the first that reaches {@code max}; every
   * later failure uses the last entry. Lets a backend apply exactly this policy without its own
   * copy of the formula.
   */
  public List<Duration> schedule() {
    List<Duration> schedule = new ArrayList<>();
    for (int failures = 1; ; failures++) {
      Duration backoff = nextBackoff(failures);
      schedule.add(backoff);
      if (backoff.equals(max)) {
        return List.copyOf(schedule);
      }
    }
  }
}
