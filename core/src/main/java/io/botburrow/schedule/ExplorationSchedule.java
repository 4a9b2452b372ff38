package io.botburrow.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * When each exploring agent is next due. A sorted index, so that a scheduler tick costs O(log n + k)
 * for k due agents however many agents exist. Methods block on the backend.
 */
public interface ExplorationSchedule {

  /** Sets (or moves) {@code agent}'s next due time. Idempotent. */
  void scheduleAt(String agent, Instant due);

  /** {@link #scheduleAt} for each entry, together where the backend can. */
  default void scheduleAll(Map<String, Instant> dueByAgent) {
    dueByAgent.forEach(this::scheduleAt);
  }

  /** Sets {@code agent}'s due time only if it has none. Returns whether it was added. */
  boolean scheduleIfAbsent(String agent, Instant due);

  /** Forgets {@code agent} (discovery switched off, agent removed). Idempotent. */
  void remove(String agent);

  /**
   * Takes up to {@code limit} agents due at {@code now}, earliest first, and moves each to
   * {@code now + hold} in the same atomic step, so concurrent ticks never take the same agent twice
   * and an agent whose exploration is lost comes due again.
   */
  List<String> takeDue(Instant now, int limit, Duration hold);

  /** Number of scheduled agents. */
  long size();
}
