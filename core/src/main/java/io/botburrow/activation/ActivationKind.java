package io.botburrow.activation;

/** Why an agent is woken: a Hub notification, or exploration after being quiet too long. */
public enum ActivationKind {
  NOTIFICATION,
  EXPLORATION;

  /** Lower-case wire name, as used in config, metrics and JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ActivationKind fromWire(String value) {
    return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
