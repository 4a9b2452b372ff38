package io.botburrow.tasks;

/**
 * What a finished task reports.
 *
 * @param state {@link TaskState#COMPLETED} or {@link TaskState#FAILED}
 * @param text the result text, or the error for a failure
 */
public record TaskResult(TaskState state, String text, long inputTokens, long outputTokens, double costUsd) {
  public TaskResult {
    if (state != TaskState.COMPLETED && state != TaskState.FAILED) {
      throw new IllegalArgumentException("a result completes or fails a task, not " + state);
    }
    text = text == null ? "" : text;
  }
}
