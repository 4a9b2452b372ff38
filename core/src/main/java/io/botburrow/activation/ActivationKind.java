package io.botburrow.activation;

import java.util.Locale;

/**
 * Why an agent is woken. Hub kinds ({@link #NOTIFICATION}, {@link #EXPLORATION}) have at most one
 * pending activation per agent; trigger kinds carry a {@link Trigger} and are deduplicated by its
 * idempotency key, so an agent may have several of them waiting (run one after the other).
 */
public enum ActivationKind {
  NOTIFICATION(0, false),
  EXPLORATION(4, false),
  MESSAGE(0, true),
  WEBHOOK(1, true),
  DELEGATION(2, true),
  SCHEDULE(3, true);

  private final int rank;
  private final boolean keyed;

  ActivationKind(int rank, boolean keyed) {
    this.rank = rank;
    this.keyed = keyed;
  }

  /**
   * Claim priority, 0 first: mentions and API messages, then webhooks, delegated work, schedules and
   * exploration. Waiting work is promoted one rank per {@code promote-after} so nothing starves.
   */
  public int rank() {
    return rank;
  }

  /** Whether work of this kind is deduplicated by its trigger's idempotency key instead of per agent. */
  public boolean keyed() {
    return keyed;
  }

  /** Lower-case wire name, as used in config, metrics and JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActivationKind fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
