package io.botburrow.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunnerObservationTest {
  private static final Duration DEAD_AFTER = Duration.ofSeconds(5);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void aRunnerJustStartedToBeWatchedIsNotDeadBeforeAFullWindowEvenWithoutAnyBeat() {
    RunnerObservation seen = RunnerObservation.start(null, T0);

    assertThat(seen.isDead(T0.plusMillis(4_999), DEAD_AFTER)).isFalse();
    assertThat(seen.isDead(T0.plus(DEAD_AFTER), DEAD_AFTER)).isTrue();
  }

  @Test
  void aBeatPresentWhenWatchingStartsIsNoEvidenceOfLife() {
    RunnerObservation seen = RunnerObservation.start(beat("b1"), T0).next(beat("b1"), T0.plusSeconds(5));

    assertThat(seen.isDead(T0.plusSeconds(5), DEAD_AFTER)).isTrue();
  }

  @Test
  void aNewBeatStartsTheWindowAgain() {
    RunnerObservation seen = RunnerObservation.start(beat("b1"), T0)
        .next(beat("b2"), T0.plusSeconds(4))
        .next(beat("b2"), T0.plusSeconds(8));

    assertThat(seen.isDead(T0.plusSeconds(8), DEAD_AFTER)).isFalse();
    assertThat(seen.isDead(T0.plusSeconds(9), DEAD_AFTER)).isTrue();
  }

  @Test
  void aBeatThatVanishedIsNotANewBeatAndOneThatReappearsIs() {
    RunnerObservation seen = RunnerObservation.start(beat("b1"), T0).next(null, T0.plusSeconds(3));
    assertThat(seen.isDead(T0.plusSeconds(5), DEAD_AFTER)).isTrue();

    RunnerObservation back = seen.next(beat("b7"), T0.plusSeconds(6));
    assertThat(back.isDead(T0.plusSeconds(10), DEAD_AFTER)).isFalse();
  }

  @Test
  void aRunnerThatPromisedSlowBeatsGetsThreeOfItsIntervals() {
    RunnerObservation seen = RunnerObservation.start(null, T0).next(new Beat("b1", Duration.ofSeconds(60)), T0);

    assertThat(seen.isDead(T0.plusSeconds(179), DEAD_AFTER)).isFalse();
    assertThat(seen.isDead(T0.plusSeconds(180), DEAD_AFTER)).isTrue();
  }

  private static Beat beat(String id) {
    return new Beat(id, INTERVAL);
  }
}
