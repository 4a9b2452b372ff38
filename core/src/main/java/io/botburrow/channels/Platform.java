package io.botburrow.channels;

import java.util.Locale;

/** Where people talk to agents: the Hub, a Slack workspace or a Discord server. */
public enum Platform {
  HUB,
  SLACK,
  DISCORD;

  /** Lower-case name as used in definitions, metrics and JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for a name that is not a platform */
  public static Platform fromWire(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("platform must be one of hub, slack, discord; was '" + value + "'");
    }
  }
}
