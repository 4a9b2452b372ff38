package io.botburrow.tasks.memory;

import io.botburrow.tasks.AgentTaskStats;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskResult;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Tasks in one JVM, for tests and single-process use. Thread-safe. */
public final class InMemoryTaskStore implements TaskStore {
  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, String> current = new HashMap<>();
  private final Map<String, Instant> lastFinished = new HashMap<>();
  private final Map<String, Map<TaskState, Long>> counts = new HashMap<>();

  @Override
  public synchronized void create(Task task) {
    if (tasks.putIfAbsent(task.id(), task) == null) {
      count(task.agent(), TaskState.SUBMITTED);
    }
  }

  @Override
  public synchronized Optional<Task> get(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  @Override
  public synchronized Optional<Task> start(String id, String activationId, Instant now) {
    return move(id, TaskState.WORKING, t -> new Task(t.id(), t.agent(), t.source(), TaskState.WORKING, t.input(), null,
        null, t.inputTokens(), t.outputTokens(), t.costUsd(), t.createdAt(), now, null, activationId))
        .map(t -> {
          current.put(t.agent(), t.id());
          return t;
        });
  }

  @Override
  public synchronized Optional<Task> finish(String id, TaskResult r, Instant now) {
    boolean ok = r.state() == TaskState.COMPLETED;
    return move(id, r.state(), t -> new Task(t.id(), t.agent(), t.source(), r.state(), t.input(), ok ? r.text() : null,
        ok ? null : r.text(), r.inputTokens(), r.outputTokens(), r.costUsd(), t.createdAt(),
        t.startedAt() == null ? now : t.startedAt(), now, t.activationId()));
  }

  @Override
  public synchronized Optional<Task> cancel(String id, String reason, Instant now) {
    return move(id, TaskState.CANCELED, t -> new Task(t.id(), t.agent(), t.source(), TaskState.CANCELED, t.input(), null,
        reason, t.inputTokens(), t.outputTokens(), t.costUsd(), t.createdAt(), t.startedAt(), now, t.activationId()));
  }

  @Override
  public synchronized AgentTaskStats stats(String agent) {
    return new AgentTaskStats(current.get(agent), lastFinished.get(agent), counts.getOrDefault(agent, Map.of()));
  }

  private Optional<Task> move(String id, TaskState to, UnaryOperator<Task> change) {
    Task task = tasks.get(id);
    if (task == null || !task.state().canMoveTo(to)) {
      return Optional.empty();
    }
    Task next = change.apply(task);
    tasks.put(id, next);
    if (to != TaskState.WORKING || task.state() != TaskState.WORKING) {
      count(task.agent(), to);
    }
    if (to.terminal()) {
      current.remove(task.agent(), id);
      lastFinished.put(task.agent(), next.finishedAt());
    }
    return Optional.of(next);
  }

  private void count(String agent, TaskState state) {
    counts.computeIfAbsent(agent, a -> new EnumMap<>(TaskState.class)).merge(state, 1L, Long::sum);
  }
}
