package io.botburrow.triggers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week) with {@code *},
 * {@code a-b}, {@code /step}, lists, and month and day names; {@code @hourly}, {@code @daily},
 * {@code @weekly}, {@code @monthly} and {@code @yearly} too. As in Vixie cron, when both day fields
 * are restricted a day matching either one fires. An optional sixth field in front is the second
 * ({@code "*&#47;10 * * * * *"}: every ten seconds), as in Quartz and Spring; five fields fire at
 * second 0. Immutable; {@link #parse} throws {@link IllegalArgumentException} naming the field at fault.
 */
public final class CronExpression {
  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  // far enough for Feb 29 on a given weekday
  private static final int MAX_YEARS_AHEAD = 28;

  private final String text;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private CronExpression(String text, String secondField, String[] fields) {
    this.text = text;
    this.seconds = Field.SECOND.parse(secondField);
    this.minutes = Field.MINUTE.parse(fields[0]);
    this.hours = Field.HOUR.parse(fields[1]);
    this.daysOfMonth = Field.DAY_OF_MONTH.parse(fields[2]);
    this.months = Field.MONTH.parse(fields[3]);
    BitSet dow = Field.DAY_OF_WEEK.parse(fields[4]);
    if (dow.get(7)) {
      dow.set(0); // 7 is Sunday too
    }
    this.daysOfWeek = dow;
    this.anyDayOfMonth = fields[2].startsWith("*");
    this.anyDayOfWeek = fields[4].startsWith("*");
  }

  public static CronExpression parse(String text) {
    Objects.requireNonNull(text, "cron");
    String trimmed = text.trim();
    String expanded = switch (trimmed.toLowerCase(Locale.ROOT)) {
      case "@hourly" -> "0 * * * *";
      case "@daily", "@midnight" -> "0 0 * * *";
      case "@weekly" -> "0 0 * * 0";
      case "@monthly" -> "0 0 1 * *";
      case "@yearly", "@annually" -> "0 0 1 1 *";
      default -> trimmed;
    };
    String[] fields = expanded.split("\\s+");
    if (fields.length == 6) {
      return new CronExpression(trimmed, fields[0], java.util.Arrays.copyOfRange(fields, 1, 6));
    }
    if (fields.length != 5) {
      throw new IllegalArgumentException("'" + text
          + "' must have 5 fields (minute hour day-of-month month day-of-week), or 6 with a leading second, has " + fields.length);
    }
    return new CronExpression(trimmed, "0", fields);
  }

  /** The first fire time strictly after {@code after}, in {@code zone}; empty if none within 28 years. */
  public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    ZonedDateTime limit = t.plusYears(MAX_YEARS_AHEAD);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      } else {
        int second = seconds.nextSetBit(t.getSecond());
        if (second < 0) {
          t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        } else {
          return Optional.of(t.withSecond(second).toInstant());
        }
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (anyDayOfMonth || anyDayOfWeek) {
      return dom && dow;
    }
    return dom || dow;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression cron && cron.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private enum Field {
    SECOND("second", 0, 59, null),
    MINUTE("minute", 0, 59, null),
    HOUR("hour", 0, 23, null),
    DAY_OF_MONTH("day of month", 1, 31, null),
    MONTH("month", 1, 12, MONTHS),
    DAY_OF_WEEK("day of week", 0, 7, DAYS);

    private final String label;
    private final int min;
    private final int max;
    private final String[] names;

    Field(String label, int min, int max, String[] names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }

    BitSet parse(String field) {
      BitSet bits = new BitSet(max + 1);
      for (String part : field.split(",")) {
        parsePart(part, bits);
      }
      return bits;
    }

    private void parsePart(String part, BitSet bits) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1));
        if (step < 1) {
          throw bad(part, "step must be at least 1");
        }
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max == 7 ? 6 : max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = value(ends[0]);
        to = value(ends[1]);
      } else {
        from = value(range);
        to = slash >= 0 ? (max == 7 ? 6 : max) : from;
      }
      if (from < min || to > max || from > to) {
        throw bad(part, "must be within " + min + "-" + max);
      }
      for (int i = from; i <= to; i += step) {
        bits.set(i);
      }
    }

    private int value(String token) {
      if (names != null) {
        String upper = token.toUpperCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(upper)) {
            return this == MONTH ? i + 1 : i;
          }
        }
      }
      return number(token);
    }

    private int number(String token) {
      try {
        return Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw bad(token, "is not a number");
      }
    }

    private IllegalArgumentException bad(String part, String problem) {
      return new IllegalArgumentException(label + " '" + part + "' " + problem);
    }
  }
}
