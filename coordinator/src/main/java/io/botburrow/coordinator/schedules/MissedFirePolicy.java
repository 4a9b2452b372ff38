package io.botburrow.coordinator.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What to do with a fire time that passed while nothing was leading (or the leader was late). */
public enum MissedFirePolicy {
  /** Fire once for everything missed, then carry on from now. */
  RUN_ONCE,
  /** Fire nothing for missed times; carry on from now. */
  SKIP;

  /** Whether a fire still fires: on time always, {@code late} (see {@link #late}) only under run-once. */
  public boolean fires(boolean late) {
    return !late || this == RUN_ONCE;
  }

  /** Whether a fire due at {@code fireAt} is missed at {@code now}: later than {@code grace}. */
  public static boolean late(Instant fireAt, Instant now, Duration grace) {
    return Duration.between(fireAt, now).compareTo(grace) > 0;
  }

  public static MissedFirePolicy fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
