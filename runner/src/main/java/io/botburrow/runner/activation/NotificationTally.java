package io.botburrow.runner.activation;

import io.botburrow.hub.HubException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one delivery's notifications went so far: how many were answered or explained, and the errors, each counted
 * as Redis's or the Hub's when one of them was out of reach, so the activation's outcome can tell a platform outage
 * from the agent's failure. Not thread-safe: the notifications are answered one at a time.
 */
final class NotificationTally {
  private int answered;
  private int explained;
  private final List<String> errors = new ArrayList<>();
  /** Errors that were Redis out of reach (a failover, a restart), or a lease that could not be confirmed. */
  private int redisErrors;
  /** Errors that were the Hub out of reach or answering 429 or 5xx. */
  private int hubErrors;

  void countAnswer() {
    answered++;
  }

  void countExplanation() {
    explained++;
  }

  /** An error; {@code cause} tells whether Redis or the Hub was out of reach. */
  void error(String text, Throwable cause) {
    errors.add(text);
    if (RunError.redisOutOfReach(cause)) {
      redisErrors++;
    } else if (cause instanceof HubException h && h.retryable()) {
      hubErrors++;
    }
  }

  /** A reply this delivery may not post (its lease lost, another delivery's claim): counted with Redis's errors. */
  void replyNotOwned(String text) {
    errors.add(text);
    redisErrors++;
  }

  NotificationWork.Result result() {
    return new NotificationWork.Result(answered, explained, List.copyOf(errors), redisErrors, hubErrors);
  }
}
