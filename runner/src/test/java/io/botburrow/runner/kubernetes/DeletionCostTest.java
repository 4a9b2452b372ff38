package io.botburrow.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeletionCostTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @Test
  void idleCostsNothingAndBusyCostsMoreTheLongerItsOldestActivationRan() {
    assertThat(DeletionCost.of(Optional.empty(), NOW)).isZero();
    assertThat(DeletionCost.of(Optional.of(NOW), NOW)).isEqualTo(1);
    assertThat(DeletionCost.of(Optional.of(NOW.minusSeconds(90)), NOW)).isEqualTo(91);
    assertThat(DeletionCost.of(Optional.of(Instant.EPOCH.minusSeconds(1L << 40)), NOW)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void theFirstValueGoesOutAtOnceAndAnUnchangedOneNever() {
    assertThat(DeletionCost.due(OptionalInt.empty(), null, false, 0, NOW, INTERVAL)).isTrue();
    assertThat(DeletionCost.due(OptionalInt.of(0), NOW.minusSeconds(600), false, 0, NOW, INTERVAL)).isFalse();
  }

  @Test
  void turningBusyOrIdleGoesOutWithinASecondAGrowingAgeOncePerInterval() {
    assertThat(DeletionCost.due(OptionalInt.of(0), NOW.minusMillis(500), false, 1, NOW, INTERVAL)).isFalse();
    assertThat(DeletionCost.due(OptionalInt.of(0), NOW.minusSeconds(1), false, 1, NOW, INTERVAL)).isTrue();
    assertThat(DeletionCost.due(OptionalInt.of(30), NOW.minusSeconds(1), false, 0, NOW, INTERVAL)).isTrue();
    assertThat(DeletionCost.due(OptionalInt.of(30), NOW.minusSeconds(9), false, 39, NOW, INTERVAL)).isFalse();
    assertThat(DeletionCost.due(OptionalInt.of(30), NOW.minusSeconds(10), false, 40, NOW, INTERVAL)).isTrue();
  }

  @Test
  void afterAFailureTheNextTryWaitsAnInterval() {
    assertThat(DeletionCost.due(OptionalInt.empty(), NOW.minusSeconds(2), true, 0, NOW, INTERVAL)).isFalse();
    assertThat(DeletionCost.due(OptionalInt.of(5), NOW.minusSeconds(10), true, 5, NOW, INTERVAL)).isTrue();
  }
}
