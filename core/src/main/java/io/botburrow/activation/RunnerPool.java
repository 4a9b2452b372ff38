package io.botburrow.activation;

import java.util.List;

/**
 * Which work a runner claims. {@code NOTIFICATION} serves people and systems waiting for an answer
 * (mentions, API messages, webhooks, delegated work); {@code EXPLORATION} serves work nobody waits
 * on (schedules, exploration); {@code HYBRID} claims all of it.
 */
public enum RunnerPool {
  NOTIFICATION(List.of(
      ActivationKind.NOTIFICATION, ActivationKind.MESSAGE, ActivationKind.WEBHOOK, ActivationKind.DELEGATION)),
  EXPLORATION(List.of(ActivationKind.SCHEDULE, ActivationKind.EXPLORATION)),
  HYBRID(List.of(
      ActivationKind.NOTIFICATION, ActivationKind.MESSAGE, ActivationKind.WEBHOOK, ActivationKind.DELEGATION,
      ActivationKind.SCHEDULE, ActivationKind.EXPLORATION));

  private final List<ActivationKind> kinds;

  RunnerPool(List<ActivationKind> kinds) {
    this.kinds = kinds;
  }

  /** The kinds this pool claims, in priority order (see {@link ActivationKind#rank()}). */
  public List<ActivationKind> kinds() {
    return kinds;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RunnerPool fromWire(String value) {
    return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
