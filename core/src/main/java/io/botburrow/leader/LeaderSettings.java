package io.botburrow.leader;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a leader election.
 *
 * @param name which election (one per service, e.g. {@code coordinator})
 * @param leaseTtl how long a lease holds without renewal; a dead leader is replaced after at most
 *     about {@code leaseTtl + renewInterval}
 * @param renewInterval how often the leader renews and standbys try to take over
 */
public record LeaderSettings(String name, Duration leaseTtl, Duration renewInterval) {
  public static final String DEFAULT_NAME = "coordinator";
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(3);
  public static final Duration DEFAULT_RENEW_INTERVAL = Duration.ofSeconds(1);

  public LeaderSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(leaseTtl, "leaseTtl");
    Objects.requireNonNull(renewInterval, "renewInterval");
    if (name.isBlank()) {
      throw new IllegalArgumentException("election name must not be blank");
    }
    if (renewInterval.toMillis() < 1 || renewInterval.multipliedBy(2).compareTo(leaseTtl) > 0) {
      throw new IllegalArgumentException(
          "renew interval " + renewInterval + " must be positive and at most half the lease TTL " + leaseTtl);
    }
  }

  public static LeaderSettings defaults() {
    return new LeaderSettings(DEFAULT_NAME, DEFAULT_LEASE_TTL, DEFAULT_RENEW_INTERVAL);
  }

  /**
   * How long after sending its last confirmed renewal a leader still considers itself leading: the
   * lease TTL minus half a renew interval, so that it steps down before the lease can lapse.
   */
  public Duration safeLeadership() {
    return leaseTtl.minus(renewInterval.dividedBy(2));
  }
}
