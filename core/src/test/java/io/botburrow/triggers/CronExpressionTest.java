package io.botburrow.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @ParameterizedTest
  @CsvSource({
      "'*/5 * * * *', 2026-01-01T10:03:20Z, 2026-01-01T10:05:00Z",
      "'*/5 * * * *', 2026-01-01T10:05:00Z, 2026-01-01T10:10:00Z",
      "'* * * * *', 2026-01-01T10:05:59Z, 2026-01-01T10:06:00Z",
      "'0 9 * * MON-FRI', 2026-01-02T09:00:00Z, 2026-01-05T09:00:00Z",
      "'30 2 1 * *', 2026-01-15T00:00:00Z, 2026-02-01T02:30:00Z",
      "'0 0 29 FEB *', 2026-03-01T00:00:00Z, 2028-02-29T00:00:00Z",
      "'@hourly', 2026-01-01T10:00:00Z, 2026-01-01T11:00:00Z",
      "'0 12 13 * 5', 2026-01-01T00:00:00Z, 2026-01-02T12:00:00Z",
      "'15,45 8-10/2 * * *', 2026-01-01T08:50:00Z, 2026-01-01T10:15:00Z",
      "'0 0 * * 7', 2026-01-01T00:00:00Z, 2026-01-04T00:00:00Z",
      "'*/5 * * * *', 2026-01-01T10:04:59.900Z, 2026-01-01T10:05:00Z",
      "'*/10 * * * * *', 2026-01-01T10:04:55Z, 2026-01-01T10:05:00Z",
      "'*/10 * * * * *', 2026-01-01T10:05:00Z, 2026-01-01T10:05:10Z",
      "'*/10 * * * * *', 2026-01-01T10:05:03.250Z, 2026-01-01T10:05:10Z",
      "'30 */5 * * * *', 2026-01-01T10:05:31Z, 2026-01-01T10:10:30Z",
      "'0,30 0 12 * * *', 2026-01-01T12:00:00Z, 2026-01-01T12:00:30Z",
      "'0,30 0 12 * * *', 2026-01-01T12:00:30Z, 2026-01-02T12:00:00Z"
  })
  void findsTheNextFireTime(String cron, String after, String expected) {
    assertThat(CronExpression.parse(cron).nextAfter(Instant.parse(after), UTC)).contains(Instant.parse(expected));
  }

  @Test
  void readsFieldsInTheSchedulesTimeZone() {
    Instant next = CronExpression.parse("0 9 * * *")
        .nextAfter(Instant.parse("2026-07-01T00:00:00Z"), ZoneId.of("Europe/Paris")).orElseThrow();

    assertThat(next).isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
  }

  @Test
  void refusesMalformedExpressionsNamingTheField() {
    assertThatThrownBy(() -> CronExpression.parse("* * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> CronExpression.parse("* * * * * * *")).hasMessageContaining("6 with a leading second");
    assertThatThrownBy(() -> CronExpression.parse("60 * * * * *")).hasMessageContaining("second '60'");
    assertThatThrownBy(() -> CronExpression.parse("61 * * * *")).hasMessageContaining("minute '61'");
    assertThatThrownBy(() -> CronExpression.parse("* * * * funday")).hasMessageContaining("day of week");
    assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *")).hasMessageContaining("step");
  }

  @Test
  void impossibleDateNeverFires() {
    assertThat(CronExpression.parse("0 0 31 2 *").nextAfter(Instant.parse("2026-01-01T00:00:00Z"), UTC)).isEmpty();
  }
}
