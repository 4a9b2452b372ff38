package io.botburrow.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What every place of rests must do; run against the in-memory and the Redis one. */
public abstract class CooldownsContract {
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));

  /** Rests of 1 min doubling to 1 h, on {@link #clock}. */
  protected abstract Cooldowns cooldowns();

  @Test
  void aFailedDeploymentRestsOneMinuteThenDoublingUpToAnHour() {
    var cooldowns = cooldowns();
    assertThat(cooldowns.until("a")).isEmpty();

    assertThat(cooldowns.failed("a", null)).isEqualTo(Duration.ofMinutes(1));
    assertThat(cooldowns.until("a")).contains(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(cooldowns.until("b")).isEmpty();

    clock.advance(Duration.ofSeconds(61));
    assertThat(cooldowns.until("a")).isEmpty();
    assertThat(cooldowns.failed("a", null)).isEqualTo(Duration.ofMinutes(2));
    for (int i = 0; i < 8; i++) {
      cooldowns.failed("a", null);
    }
    assertThat(cooldowns.failed("a", null)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aLongerRetryAfterIsRestedOut() {
    var cooldowns = cooldowns();
    assertThat(cooldowns.failed("a", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(4));
    assertThat(cooldowns.until("a")).isPresent();
  }

  @Test
  void aSuccessEndsTheRestAndTheDoubling() {
    var cooldowns = cooldowns();
    cooldowns.failed("a", null);
    cooldowns.failed("a", null);

    cooldowns.succeeded("a");

    assertThat(cooldowns.until("a")).isEmpty();
    assertThat(cooldowns.failed("a", null)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void restIsPure() {
    assertThat(Cooldowns.rest(1, Duration.ofMinutes(1), Duration.ofHours(1), null)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Cooldowns.rest(3, Duration.ofMinutes(1), Duration.ofHours(1), null)).isEqualTo(Duration.ofMinutes(4));
    assertThat(Cooldowns.rest(40, Duration.ofMinutes(1), Duration.ofHours(1), null)).isEqualTo(Duration.ofHours(1));
    assertThat(Cooldowns.rest(1, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(2)))
        .isEqualTo(Duration.ofHours(2));
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
