package io.botburrow.hub;

import java.time.Instant;

/**
 * An agent as the Hub lists it for scheduling.
 *
 * @param name agent name (== id)
 * @param type agent type, e.g. "native", "claude-code", "human"
 * @param notificationCount unread notifications (0 when the listing does not say)
 * @param lastActivatedAt last time a runner reported an activation, or null if never
 */
public record HubAgent(String name, String type, int notificationCount, Instant lastActivatedAt) {
  public boolean isHuman() {
    return "human".equalsIgnoreCase(type);
  }
}
