package io.botburrow.activation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * Sortable, unique activation id: 12 hex digits of epoch milliseconds followed by 16 random hex
 * digits, so lexical order is creation order.
 */
public record ActivationId(String value) implements Comparable<ActivationId> {
  private static final SecureRandom RANDOM = new SecureRandom();

  public ActivationId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[0-9a-f]{28}")) {
      throw new IllegalArgumentException("activation id must be 28 lower-case hex digits: " + value);
    }
  }

  public static ActivationId next(Instant now) {
    return new ActivationId(String.format("%012x%016x", now.toEpochMilli(), RANDOM.nextLong()));
  }

  public Instant createdAt() {
    return Instant.ofEpochMilli(Long.parseLong(value.substring(0, 12), 16));
  }

  @Override
  public int compareTo(ActivationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
