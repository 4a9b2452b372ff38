package io.botburrow.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * Tasks and their results. Every method blocks; state changes follow {@link TaskState}'s table and are
 * atomic, so a task canceled while it runs stays canceled. Backends unreachable throw
 * {@link io.botburrow.queue.QueueUnavailableException} (retryable).
 */
public interface TaskStore {

  /** Stores a new task; idempotent per id (a second create with the same id changes nothing). */
  void create(Task task);

  Optional<Task> get(String id);

  /** Marks the task working on {@code activationId}; empty when it is already final (e.g. canceled). */
  Optional<Task> start(String id, String activationId, Instant now);

  /** Completes or fails the task; empty when it was already final. */
  Optional<Task> finish(String id, TaskResult result, Instant now);

  /** Cancels a task not yet final; empty when it was already final or does not exist. */
  Optional<Task> cancel(String id, String reason, Instant now);

  AgentTaskStats stats(String agent);
}
