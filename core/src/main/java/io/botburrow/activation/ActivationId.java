package io.botburrow.activation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Sortable, unique activation id: 12 hex digits of epoch milliseconds followed by 16 random hex
 * digits, so lexical order is creation order.
 */
public record ActivationId(String value) implements Comparable<ActivationId> {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  public ActivationId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("activation id must be 28 lower-case hex digits: " + value);
    }
  }

  public static ActivationId next(Instant now) {
    // 12 hex digits of millis (the top 4 of 16 are zero until the year 10889) + 16 random ones
    return new ActivationId(HEX.toHexDigits(now.toEpochMilli()).substring(4) + HEX.toHexDigits(RANDOM.nextLong()));
  }

  // Checked on every claim and enqueue, so no regex.
  private static boolean isWellFormed(String value) {
    if (value.length() != 28) {
      return false;
    }
    for (int i = 0; i < 28; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
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
