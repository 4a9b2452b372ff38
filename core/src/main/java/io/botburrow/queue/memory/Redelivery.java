package io.botburrow.queue.memory;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What becomes of the in-memory queue's work whose run ended without success: another attempt, or the dead
 * letters once its attempts are used up, from where an operator may requeue it; and the protocol counters.
 * Not thread-safe; the queue guards it.
 */
final class Redelivery {
  private final QueueSettings settings;
  private final Clock clock;
  private final PendingWork pending;
  private final Map<ActivationId, DeadLetter> dead = new LinkedHashMap<>();
  private long redeliveries;
  private long leaseExpirations;
  private long deadLetters;

  Redelivery(QueueSettings settings, Clock clock, PendingWork pending) {
    this.settings = settings;
    this.clock = clock;
    this.pending = pending;
  }

  void redeliverOrBury(Activation activation, String error) {
    if (activation.attempt() >= settings.maxAttempts()) {
      dead.put(activation.id(), new DeadLetter(activation, error, clock.instant()));
      deadLetters++;
      return;
    }
    Activation next = activation.withAttempt(activation.attempt() + 1);
    pending.putBack(next, ClaimOrder.base(next));
    redeliveries++;
  }

  /** {@link #redeliverOrBury} for work whose lease {@code runnerId} let expire, counted as an expiration. */
  void leaseExpired(Activation activation, String runnerId) {
    leaseExpirations++;
    redeliverOrBury(activation, "lease expired (runner " + runnerId + ")");
  }

  /** Puts a dead letter back with attempt 1; whether there was one. */
  boolean requeue(ActivationId id) {
    DeadLetter letter = dead.remove(id);
    if (letter == null) {
      return false;
    }
    Activation fresh = letter.activation().withAttempt(1);
    pending.putBack(fresh, ClaimOrder.base(fresh));
    return true;
  }

  /** The dead letters, in the order they were buried. */
  Map<ActivationId, DeadLetter> dead() {
    return dead;
  }

  QueueCounters counters() {
    return new QueueCounters(redeliveries, leaseExpirations, deadLetters);
  }
}
