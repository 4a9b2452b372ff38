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
 */
public record QueueSettings(
    Duration leaseDuration, int maxAttempts, CircuitPolicy circuit, Duration pollInterval) {
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

  public QueueSettings {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(circuit, "circuit");
    Objects.requireNonNull(pollInterval, "pollInterval");
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
    return new QueueSettings(value, maxAttempts, circuit, pollInterval);
  }

  public QueueSettings withMaxAttempts(int value) {
    return new QueueSettings(leaseDuration, value, circuit, pollInterval);
  }

  public QueueSettings withCircuit(CircuitPolicy value) {
    return new QueueSettings(leaseDuration, maxAttempts, value, pollInterval);
  }

  public QueueSettings withPollInterval(Duration value) {
    return new QueueSettings(leaseDuration, maxAttempts, circuit, value);
  }
}
