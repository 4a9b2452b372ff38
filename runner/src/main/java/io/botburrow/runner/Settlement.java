package io.botburrow.runner;

import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.activation.ActivationOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a runner tells the queue what became of an activation: completed, failed (redelivered or dead-lettered),
 * deferred (the Hub is down), or released for another runner. A queue that cannot be reached loses nothing: the
 * lease expires and the activation is redelivered.
 */
final class Settlement {
  private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

  private final ActivationClaims claims;
  private final RunnerMetrics metrics;
  private final Duration hubRetry;

  Settlement(ActivationClaims claims, RunnerMetrics metrics, Duration hubRetry) {
    this.claims = claims;
    this.metrics = metrics;
    this.hubRetry = hubRetry;
  }

  /**
   * Settles the activation by its outcome, unless it was settled or its lease lost already. Returns whether its
   * completion is left to the caller (only when {@code completionWaits}: a running slot sends it with its next
   * claim).
   */
  boolean settle(InFlight f, ActivationOutcome outcome, boolean completionWaits) {
    synchronized (f) {
      if (f.lost || f.released) {
        return false;
      }
      f.released = true;
      try {
        switch (outcome) {
          case ActivationOutcome.Succeeded s -> {
            return completeUnlessItWaits(f, completionWaits);
          }
          case ActivationOutcome.CouldNotAnswer c -> {
            return completeUnlessItWaits(f, completionWaits);
          }
          case ActivationOutcome.Failed x -> claims.fail(f.lease, x.error());
          case ActivationOutcome.Deferred d -> {
            claims.defer(f.lease, hubRetry);
            LOG.info("Activation(id={}, agent={}) handed back, tried again in {} s: {}", f.lease.activation().id(),
                f.lease.activation().agent(), hubRetry.toSeconds(), d.reason());
          }
          case ActivationOutcome.Cancelled c -> {
            claims.release(f.lease);
            LOG.info("Activation(id={}, agent={}) stopped ({}) and released for redelivery", f.lease.activation().id(),
                f.lease.activation().agent(), c.reason());
          }
        }
      } catch (QueueUnavailableException e) {
        notSettled(f.lease, e);
      }
      return false;
    }
  }

  private boolean completeUnlessItWaits(InFlight f, boolean completionWaits) {
    if (completionWaits) {
      return true;
    }
    claims.complete(f.lease);
    return false;
  }

  /** Completes an activation whose completion waited for a next claim that will not come. */
  void complete(Lease lease) {
    try {
      claims.complete(lease);
    } catch (RuntimeException e) {
      notSettled(lease, e);
    }
  }

  /** Gives back an activation claimed just as the drain began. */
  void handBack(Lease lease) {
    try {
      claims.release(lease);
      LOG.info("Activation(id={}, agent={}) claimed as the drain began; released for another runner",
          lease.activation().id(), lease.activation().agent());
    } catch (QueueUnavailableException e) {
      LOG.warn("Activation(id={}) claimed as the drain began could not be released; it is redelivered when its lease expires",
          lease.activation().id());
    }
  }

  /** Releases an activation the drain stopped and that did not settle itself in time. */
  void releaseStopped(InFlight f) {
    synchronized (f) {
      if (f.lost || f.released) {
        return;
      }
      f.released = true;
      try {
        claims.release(f.lease);
        LOG.info("Activation(id={}, agent={}) released for redelivery", f.lease.activation().id(), f.lease.activation().agent());
      } catch (QueueUnavailableException e) {
        LOG.warn("Activation(id={}) could not be released; it is redelivered when its lease expires", f.lease.activation().id());
      }
    }
  }

  private void notSettled(Lease lease, RuntimeException e) {
    // the lease will expire and the activation is redelivered: nothing is lost, only time
    metrics.error("settle");
    LOG.warn("Activation(id={}, agent={}) could not be settled, it will be redelivered: {}",
        lease.activation().id(), lease.activation().agent(), e.getMessage());
  }
}
