package io.botburrow.activation;

import java.util.List;

/** Which work a runner claims: notification only, exploration only, or both (notification first). */
public enum RunnerPool {
  NOTIFICATION(List.of(ActivationKind.NOTIFICATION)),
  EXPLORATION(List.of(ActivationKind.EXPLORATION)),
  HYBRID(List.of(ActivationKind.NOTIFICATION, ActivationKind.EXPLORATION));

  private final List<ActivationKind> kinds;

  RunnerPool(List<ActivationKind> kinds) {
    this.kinds = kinds;
  }

  /** The kinds this pool claims, in priority order. */
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
