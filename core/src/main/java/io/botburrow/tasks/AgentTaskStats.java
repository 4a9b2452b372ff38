package io.botburrow.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * What the task store knows of one agent.
 *
 * @param currentTask the task it works on, or null
 * @param lastFinishedAt when its last task finished, or null
 * @param counts tasks per state reached (submitted counts every task)
 */
public record AgentTaskStats(String currentTask, Instant lastFinishedAt, Map<TaskState, Long> counts) {
  public AgentTaskStats {
    counts = Map.copyOf(counts);
  }
}
