package io.botburrow.gateway.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static HttpHeaders headers(Map<String, String> values) {
    var map = new java.util.HashMap<String, List<String>>();
    values.forEach((k, v) -> map.put(k, List.of(v)));
    return HttpHeaders.of(map, (k, v) -> true);
  }

  @Test
  void readsSecondsMillisecondsAndHttpDates() {
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", "2")), clock)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(headers(Map.of("retry-after", "0.5")), clock)).contains(Duration.ofMillis(500));
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT")), clock))
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void prefersMillisecondsHeaderAndIgnoresGarbage() {
    assertThat(RetryAfter.parse(headers(Map.of("retry-after-ms", "250", "Retry-After", "9")), clock))
        .contains(Duration.ofMillis(250));
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", "soon")), clock)).isEmpty();
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", "-3")), clock)).isEmpty();
    assertThat(RetryAfter.parse(headers(Map.of()), clock)).isEmpty();
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse(headers(Map.of("Retry-After", "Wed, 31 Dec 2025 23:00:00 GMT")), clock))
        .contains(Duration.ZERO);
  }
}
