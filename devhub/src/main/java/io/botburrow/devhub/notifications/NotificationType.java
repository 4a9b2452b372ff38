package io.botburrow.devhub.notifications;

/** The notification types the runner accepts; the Hub emits only these. */
public enum NotificationType {
  MENTION,
  REPLY;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
