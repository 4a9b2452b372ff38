package io.botburrow.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Protocol settings shared by every queue adapter.
 *
 * @param leaseDuration how long a claim holds without a heartbeat
 * @param maxAttempts deliveries before an activation is dead-lettered
 * @param circuit per-agent failure circuit
 * @param pollInterval longest a waiting claim goes without re-checking the queue, in case a wake-up
 *     was missed or work became claimable by the passage of time (a circuit closing)
 * @param promoteAfter waiting work climbs one priority rank per this much waiting (zero: never)
 */
public record QueueSettings(
    Duration leaseDuration, int maxAttempts, CircuitPolicy circuit, Duration pollInterval, Duration promoteAfter) {
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
  public static final Duration DEFAULT_PROMOTE_AFTER = Duration.ofSeconds(60);

  public QueueSettings(Duration leaseDuration, int maxAttempts, CircuitPolicy circuit, Duration pollInterval) {
    this(leaseDuration, maxAttempts, circuit, pollInterval, DEFAULT_PROMOTE_AFTER);
  }

  public QueueSettings {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(circuit, "circuit");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(promoteAfter, "promoteAfter");
    if (promoteAfter.isNegative()) {
      throw new IllegalArgumentException("promoteAfter must not be negative: " + promoteAfter);
    }
    if (leaseDuration.toMillis() < 1) {
      throw new IllegalArgumentException("leaseDuration must be at least 1 ms: " + leaseDuration);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException("pollInterval must be at least 1 ms: " + pollInterval);
    }
  }

  public static QueueSettings defaults() {
    return new QueueSettings(
        DEFAULT_LEASE_DURATION, DEFAULT_MAX_ATTEMPTS, CircuitPolicy.defaults(), DEFAULT_POLL_INTERVAL);
  }

  public QueueSettings withLeaseDuration(Duration value) {
    return new QueueSettings(value, maxAttempts, circuit, pollInterval, promoteAfter);
  }

  public QueueSettings withMaxAttempts(int value) {
    return new QueueSettings(leaseDuration, value, circuit, pollInterval, promoteAfter);
  }

  public QueueSettings withCircuit(CircuitPolicy value) {
    return new QueueSettings(leaseDuration, maxAttempts, value, pollInterval, promoteAfter);
  }

  public QueueSettings withPollInterval(Duration value) {
    return new QueueSettings(leaseDuration, maxAttempts, circuit, value, promoteAfter);
  }

  public QueueSettings withPromoteAfter(Duration value) {
    return new QueueSettings(leaseDuration, maxAttempts, circuit, pollInterval, value);
  }
}
