package io.botburrow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link ExplorationSchedule} must do; run against the in-memory and the Redis adapter. */
interface ExplorationScheduleContract {
  Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  ExplorationSchedule schedule();

  @Test
  default void takesOnlyAgentsThatAreDueEarliestFirst() {
    schedule().scheduleAt("late", T0.plusSeconds(60));
    schedule().scheduleAt("b", T0.minusSeconds(5));
    schedule().scheduleAt("a", T0.minusSeconds(10));

    assertThat(schedule().takeDue(T0, 10, Duration.ofMinutes(15))).containsExactly("a", "b");
  }

  @Test
  default void aTakenAgentComesDueAgainOnlyAfterTheHold() {
    schedule().scheduleAt("a", T0);

    assertThat(schedule().takeDue(T0, 10, Duration.ofSeconds(900))).containsExactly("a");
    assertThat(schedule().takeDue(T0.plusSeconds(899), 10, Duration.ofSeconds(900))).isEmpty();
    assertThat(schedule().takeDue(T0.plusSeconds(900), 10, Duration.ofSeconds(900))).containsExactly("a");
  }

  @Test
  default void rescheduleMovesAndIfAbsentDoesNot() {
    schedule().scheduleAt("a", T0);
    assertThat(schedule().scheduleIfAbsent("a", T0.plusSeconds(100))).isFalse();
    schedule().scheduleAt("a", T0.plusSeconds(100));

    assertThat(schedule().takeDue(T0, 10, Duration.ofSeconds(1))).isEmpty();
    assertThat(schedule().scheduleIfAbsent("b", T0)).isTrue();
    assertThat(schedule().size()).isEqualTo(2);
  }

  @Test
  default void schedulingManyAtOnceMovesEachLikeOneByOne() {
    schedule().scheduleAt("a", T0);
    schedule().scheduleAll(java.util.Map.of("a", T0.plusSeconds(30), "b", T0.minusSeconds(1), "c", T0.plusSeconds(10)));

    assertThat(schedule().takeDue(T0, 10, Duration.ofSeconds(900))).containsExactly("b");
    assertThat(schedule().takeDue(T0.plusSeconds(30), 10, Duration.ofSeconds(900))).containsExactly("c", "a");
    assertThat(schedule().size()).isEqualTo(3);
  }

  @Test
  default void removedAgentsAreNeverDue() {
    schedule().scheduleAt("a", T0);
    schedule().remove("a");

    assertThat(schedule().takeDue(T0.plusSeconds(10), 10, Duration.ofSeconds(1))).isEmpty();
    assertThat(schedule().size()).isZero();
  }

  @Test
  default void aTickReadsOnlyTheDueHeadOfALargeSchedule() {
    for (int i = 0; i < 20_000; i++) {
      schedule().scheduleAt("agent-" + i, T0.plusSeconds(60 + i));
    }
    schedule().scheduleAt("due-1", T0.minusSeconds(1));
    schedule().scheduleAt("due-2", T0);

    assertThat(schedule().takeDue(T0, 100, Duration.ofSeconds(900))).containsExactly("due-1", "due-2");
    assertThat(schedule().size()).isEqualTo(20_002);
  }
}
