package io.botburrow.devhub.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the Hub emits them: ISO-8601 UTC with a {@code Z}, millisecond precision. */
public final class Iso {
  private Iso() {}

  /** The instant as text, or null (kept as JSON null) when absent. */
  public static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
