package io.botburrow.hub;

import java.util.List;
import java.util.Objects;

/**
 * One answer of the Hub's long-poll.
 *
 * @param agents runnable agents with unread notifications (with a cursor: only those with newer ones)
 * @param cursor where the next poll continues, or null when the Hub does not support cursors
 */
public record NotificationPoll(List<HubAgent> agents, String cursor) {
  public NotificationPoll {
    agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
  }

  public boolean hasCursor() {
    return cursor != null && !cursor.isBlank();
  }
}
