package io.botburrow.queue.memory;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The order the in-memory queue's work is claimed in, computed as the Redis scripts compute it: order numbers
 * from enqueue time, and the pool's kind whose work goes next, waited work climbing in rank. Not thread-safe;
 * the queue guards it.
 */
final class ClaimOrder {
  // as in the Redis adapter: enqueue epoch ms * 1024 + a sequence within the millisecond
  private static final int ORDER_SLOTS = 1024;

  private final QueueSettings settings;
  private final Clock clock;
  private long sequence;

  ClaimOrder(QueueSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The order number of newly enqueued work. */
  long next(Activation activation) {
    return activation.enqueuedAt().toEpochMilli() * ORDER_SLOTS + (++sequence % ORDER_SLOTS);
  }

  /** The order number of work put back (its enqueue time, without a sequence). */
  static long base(Activation activation) {
    return activation.enqueuedAt().toEpochMilli() * ORDER_SLOTS;
  }

  /**
   * The order number of released work: its base order, or just ahead of its kind's first pending work
   * ({@code head}) when that would come first, as released work goes back to the head of its queue.
   */
  static long released(Activation activation, Optional<Long> head) {
    long order = base(activation);
    if (head.isPresent() && head.get() <= order) {
      order = head.get() - 1;
    }
    return order;
  }

  /** The pool's kind whose first claimable work goes next (see {@code claim.lua}). */
  Optional<ActivationKind> nextKind(RunnerPool pool, PendingWork pending, Predicate<String> claimable) {
    ActivationKind best = null;
    long bestRank = 0;
    long bestOrder = 0;
    for (ActivationKind kind : pool.kinds()) {
      Optional<Long> head = pending.firstOrder(kind, claimable);
      if (head.isPresent()) {
        long rank = effectiveRank(kind, head.get());
        if (best == null || rank < bestRank || (rank == bestRank && head.get() < bestOrder)) {
          best = kind;
          bestRank = rank;
          bestOrder = head.get();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private long effectiveRank(ActivationKind kind, long order) {
    long promoteMs = settings.promoteAfter().toMillis();
    if (promoteMs <= 0) {
      return kind.rank();
    }
    long waited = Math.max(0, clock.millis() - order / ORDER_SLOTS);
    return kind.rank() - waited / promoteMs;
  }
}
