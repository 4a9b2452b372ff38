package io.botburrow.tasks;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A task's state, as in the A2A protocol; the legal changes are in one table. */
public enum TaskState {
  SUBMITTED,
  WORKING,
  COMPLETED,
  FAILED,
  CANCELED;

  private static final Map<TaskState, Set<TaskState>> NEXT = Map.of(
      SUBMITTED, EnumSet.of(WORKING, COMPLETED, FAILED, CANCELED),
      // a redelivered activation starts working again
      WORKING, EnumSet.of(WORKING, COMPLETED, FAILED, CANCELED),
      COMPLETED, EnumSet.noneOf(TaskState.class),
      FAILED, EnumSet.noneOf(TaskState.class),
      CANCELED, EnumSet.noneOf(TaskState.class));

  public boolean canMoveTo(TaskState next) {
    return NEXT.get(this).contains(next);
  }

  /** The states from which {@code next} may be reached. */
  public static Set<TaskState> from(TaskState next) {
    Set<TaskState> from = EnumSet.noneOf(TaskState.class);
    for (TaskState state : values()) {
      if (state.canMoveTo(next)) {
        from.add(state);
      }
    }
    return from;
  }

  public boolean terminal() {
    return NEXT.get(this).isEmpty();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskState fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
