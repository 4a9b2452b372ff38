package io.botburrow.devhub.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The budget periods: the UTC day and the UTC calendar month containing a moment. */
final class BudgetWindows {
  private BudgetWindows() {}

  static Instant startOfDay(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static Instant startOfMonth(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
