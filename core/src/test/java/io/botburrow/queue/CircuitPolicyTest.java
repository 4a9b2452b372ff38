package io.botburrow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitPolicyTest {

  @Test
  void backsOffFromOneMinuteDoublingUpToOneHour() {
    CircuitPolicy policy = CircuitPolicy.defaults();

    assertThat(policy.nextBackoff(0)).isZero();
    assertThat(policy.nextBackoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.nextBackoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.nextBackoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(policy.nextBackoff(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(policy.nextBackoff(7)).isEqualTo(Duration.ofHours(1));
    assertThat(policy.nextBackoff(1_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void staysClosedBelowTheThreshold() {
    CircuitPolicy policy = new CircuitPolicy(Duration.ofSeconds(10), Duration.ofSeconds(100), 3);

    assertThat(policy.nextBackoff(2)).isZero();
    assertThat(policy.nextBackoff(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.nextBackoff(4)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void scheduleListsEveryBackoffUntilTheMaximum() {
    assertThat(CircuitPolicy.defaults().schedule())
        .extracting(Duration::toMinutes)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L);
    assertThat(new CircuitPolicy(Duration.ofSeconds(10), Duration.ofSeconds(15), 2).schedule())
        .containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @Test
  void rejectsAMaximumBelowTheBase() {
    assertThatThrownBy(() -> new CircuitPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
