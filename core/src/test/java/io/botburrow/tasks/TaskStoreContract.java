package io.botburrow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every task store does; run against the in-memory and the Redis adapter. */
public interface TaskStoreContract {
  Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  TaskStore store();

  @Test
  default void goesFromSubmittedThroughWorkingToCompletedWithItsResult() {
    store().create(Task.submitted("t1", "ops", "message", "hello", T0, null));
    assertThat(store().get("t1").orElseThrow().state()).isEqualTo(TaskState.SUBMITTED);

    store().start("t1", "a1", T0.plusSeconds(1));
    assertThat(store().stats("ops").currentTask()).isEqualTo("t1");
    Task done = store().finish("t1", new TaskResult(TaskState.COMPLETED, "hi there", 120, 30, 0.0012), T0.plusSeconds(3))
        .orElseThrow();

    assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(store().get("t1").orElseThrow()).satisfies(t -> {
      assertThat(t.result()).isEqualTo("hi there");
      assertThat(t.input()).isEqualTo("hello");
      assertThat(t.inputTokens()).isEqualTo(120);
      assertThat(t.outputTokens()).isEqualTo(30);
      assertThat(t.costUsd()).isEqualTo(0.0012);
      assertThat(t.duration()).contains(Duration.ofSeconds(2));
      assertThat(t.activationId()).isEqualTo("a1");
    });
    AgentTaskStats stats = store().stats("ops");
    assertThat(stats.currentTask()).isNull();
    assertThat(stats.lastFinishedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(stats.counts()).containsEntry(TaskState.SUBMITTED, 1L).containsEntry(TaskState.COMPLETED, 1L);
  }

  @Test
  default void aCanceledTaskStaysCanceledWhenItsRunFinishes() {
    store().create(Task.submitted("t2", "ops", "message", "hello", T0, null));
    store().start("t2", "a1", T0);

    assertThat(store().cancel("t2", "canceled by operator", T0.plusSeconds(1))).isPresent();

    assertThat(store().finish("t2", new TaskResult(TaskState.COMPLETED, "late", 1, 1, 0), T0.plusSeconds(2))).isEmpty();
    assertThat(store().start("t2", "a2", T0.plusSeconds(3))).isEmpty();
    assertThat(store().get("t2").orElseThrow().state()).isEqualTo(TaskState.CANCELED);
    assertThat(store().cancel("t2", "again", T0.plusSeconds(4))).isEmpty();
  }

  @Test
  default void creatingTwiceKeepsTheFirstAndUnknownTasksAreEmpty() {
    store().create(Task.submitted("t3", "ops", "webhook", "first", T0, null));
    store().create(Task.submitted("t3", "ops", "webhook", "second", T0, null));

    assertThat(store().get("t3").orElseThrow().input()).isEqualTo("first");
    assertThat(store().stats("ops").counts()).containsEntry(TaskState.SUBMITTED, 1L);
    assertThat(store().get("nope")).isEmpty();
    assertThat(store().cancel("nope", "x", T0)).isEmpty();
  }

  @Test
  default void aRedeliveredTaskStartsWorkingAgain() {
    store().create(Task.submitted("t4", "ops", "schedule", "tick", T0, null));
    store().start("t4", "a1", T0);

    assertThat(store().start("t4", "a1", T0.plusSeconds(60))).isPresent();
    assertThat(store().finish("t4", new TaskResult(TaskState.FAILED, "model down", 0, 0, 0), T0.plusSeconds(61))
        .orElseThrow().error()).isEqualTo("model down");
  }
}
