package io.botburrow.gateway.provider.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reads the wait a provider asks for from its response headers. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * {@code retry-after-ms} (OpenAI) wins over {@code Retry-After}, which is either seconds or an HTTP
   * date; unparsable or negative values are ignored.
   */
  public static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
    return parse(headers::firstValue, clock);
  }

  /** The same, over a lookup of a header's first value by name (any case). */
  public static Optional<Duration> parse(Function<String, Optional<String>> header, Clock clock) {
    var millis = header.apply("retry-after-ms").flatMap(RetryAfter::parseNumber);
    if (millis.isPresent()) {
      return millis.map(ms -> Duration.ofMillis(Math.round(ms)));
    }
    return header.apply("retry-after").flatMap(value -> parseValue(value, clock));
  }

  static Optional<Duration> parseValue(String value, Clock clock) {
    var seconds = parseNumber(value);
    if (seconds.isPresent()) {
      return seconds.map(s -> Duration.ofMillis(Math.round(s * 1000)));
    }
    try {
      var at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      var wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> parseNumber(String value) {
    try {
      var number = Double.parseDouble(value.trim());
      return number >= 0 && Double.isFinite(number) ? Optional.of(number) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
