package io.botburrow.devhub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetWindowsTest {

  @Test
  void dayAndMonthStartAtUtcMidnight() {
    Instant now = Instant.parse("2026-02-08T23:59:59.999Z");

    assertThat(BudgetWindows.startOfDay(now)).isEqualTo(Instant.parse("2026-02-08T00:00:00Z"));
    assertThat(BudgetWindows.startOfMonth(now)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
  }
}
