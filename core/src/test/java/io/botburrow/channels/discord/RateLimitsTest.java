package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void anEmptyBucketMakesTheNextRequestWaitUntilItRefills() {
    RateLimits limits = new RateLimits();
    limits.update("POST /channels/1/messages",
        Map.of("X-RateLimit-Bucket", "b1", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1.5")::get, now);

    assertThat(limits.delayBefore("POST /channels/1/messages", now)).isEqualTo(Duration.ofMillis(1500));
    assertThat(limits.delayBefore("POST /channels/1/messages", now.plusMillis(1500))).isZero();
    assertThat(limits.delayBefore("POST /channels/2/messages", now)).isZero();
  }

  @Test
  void aBucketWithRequestsLeftDoesNotWait() {
    RateLimits limits = new RateLimits();
    limits.update("r", Map.of("X-RateLimit-Bucket", "b1", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset-After", "9")::get, now);

    assertThat(limits.delayBefore("r", now)).isZero();
  }

  @Test
  void aTooManyRequestsAnswerNamesItsWait() {
    assertThat(RateLimits.retryAfter(0.25, "7")).isEqualTo(Duration.ofMillis(250));
    assertThat(RateLimits.retryAfter(null, "2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(RateLimits.retryAfter(null, null)).isEqualTo(Duration.ofSeconds(1));
  }
}
