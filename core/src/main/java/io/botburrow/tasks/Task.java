package io.botburrow.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit of work someone waits on (an API message, a webhook delivery, a schedule fire) and its
 * result.
 *
 * @param id task id (also the activation's trigger task id)
 * @param agent the agent doing it
 * @param source what created it: {@code message}, {@code webhook}, {@code schedule}, {@code delegation}
 * @param state where it is
 * @param input the message or rendered prompt (capped)
 * @param result the agent's final text, when completed
 * @param error why it failed or was canceled
 * @param inputTokens model input tokens used
 * @param outputTokens model output tokens used
 * @param costUsd estimated model cost
 * @param createdAt when it was submitted
 * @param startedAt when a runner started it, or null
 * @param finishedAt when it reached a final state, or null
 * @param activationId the activation that runs it, or null
 */
public record Task(
    String id,
    String agent,
    String source,
    TaskState state,
    String input,
    String result,
    String error,
    long inputTokens,
    long outputTokens,
    double costUsd,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String activationId) {

  /** Longest input kept with a task; the activation carries the whole prompt. */
  public static final int MAX_INPUT_CHARS = 16_384;

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    source = source == null ? "" : source;
    input = input == null ? "" : cap(input);
  }

  public static Task submitted(String id, String agent, String source, String input, Instant now, String activationId) {
    return new Task(id, agent, source, TaskState.SUBMITTED, input, null, null, 0, 0, 0, now, null, null, activationId);
  }

  /** Time from start to finish, once finished. */
  public Optional<Duration> duration() {
    return startedAt == null || finishedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
  }

  private static String cap(String text) {
    return text.length() <= MAX_INPUT_CHARS ? text : text.substring(0, MAX_INPUT_CHARS);
  }
}
