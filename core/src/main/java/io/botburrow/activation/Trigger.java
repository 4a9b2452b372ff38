package io.botburrow.activation;

import io.botburrow.channels.ReplyTarget;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What started an activation of a trigger kind (schedule, webhook, API message, delegation).
 *
 * @param key idempotency key naming the trigger, e.g. {@code schedule:ops:0:1767225600000},
 *     {@code webhook:ops:github:<delivery id>}, {@code message:<task id>}; a second activation with
 *     the same key within {@code dedupFor} is not enqueued
 * @param taskId the task that receives the result (API tasks, webhook and schedule runs), or null
 * @param source short human-readable origin, e.g. {@code schedule 0}, {@code webhook github push}
 * @param prompt the text of the work (the message, or the rendered schedule or webhook prompt)
 * @param thread Hub post id to answer in, or null when the result goes to the task or the output target
 * @param dedupFor how long the key is remembered after enqueue
 * @param chain for delegated work, the agents that handed it on, first the one a person or trigger
 *     woke (empty otherwise): caps the depth and refuses cycles
 * @param replyTo for a message from Slack or Discord, where the answer goes (its platform and thread);
 *     null for everything else
 */
public record Trigger(
    String key, String taskId, String source, String prompt, String thread, Duration dedupFor, List<String> chain,
    ReplyTarget replyTo) {
  public static final Duration DEFAULT_DEDUP = Duration.ofHours(24);

  public Trigger {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("trigger key must not be blank");
    }
    source = source == null ? "" : source;
    prompt = prompt == null ? "" : prompt;
    thread = thread == null || thread.isBlank() ? null : thread;
    taskId = taskId == null || taskId.isBlank() ? null : taskId;
    dedupFor = dedupFor == null ? DEFAULT_DEDUP : dedupFor;
    if (dedupFor.isNegative() || dedupFor.isZero()) {
      throw new IllegalArgumentException("dedupFor must be positive: " + dedupFor);
    }
    chain = chain == null ? List.of() : List.copyOf(chain);
  }

  /** A trigger that does not answer on a messaging platform. */
  public Trigger(
      String key, String taskId, String source, String prompt, String thread, Duration dedupFor, List<String> chain) {
    this(key, taskId, source, prompt, thread, dedupFor, chain, null);
  }

  /** A trigger that no agent delegated. */
  public Trigger(String key, String taskId, String source, String prompt, String thread, Duration dedupFor) {
    this(key, taskId, source, prompt, thread, dedupFor, List.of());
  }
}
