package io.botburrow.runner;

import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.activation.ActivationControl;
import io.botburrow.runner.activation.ActivationControl.Stop;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One activation running on a slot of this runner: its lease, kept renewed, and the control its handler
 * sees. Settling it (complete, fail, defer or release) marks it {@link #released}; a lease found lost marks it
 * {@link #lost}; either way nothing settles it a second time (callers hold its monitor while they check and
 * settle).
 */
final class InFlight implements ActivationControl {
  private static final Logger LOG = LoggerFactory.getLogger(InFlight.class);

  private final ActivationClaims claims;
  volatile Lease lease;
  final Thread thread;
  final Instant started;
  volatile boolean lost;
  /** Settled (completed, failed or released): a late renewal must not report it lost. */
  volatile boolean released;
  volatile Stop stop = Stop.NONE;
  private boolean finished;

  InFlight(ActivationClaims claims, Lease lease, Thread thread, Instant started) {
    this.claims = claims;
    this.lease = lease;
    this.thread = thread;
    this.started = started;
  }

  /** Renews the lease; stops the activation when it is gone. */
  synchronized boolean renew() {
    if (lost || released) {
      return false;
    }
    try {
      Optional<Lease> renewed = claims.renew(lease);
      if (renewed.isPresent()) {
        lease = renewed.get();
        return true;
      }
      lost = true;
      LOG.warn("Activation(id={}, agent={}) lease lost; stopping it", lease.activation().id(), lease.activation().agent());
      stop(Stop.LEASE_LOST);
      return false;
    } catch (QueueUnavailableException e) {
      LOG.warn("Activation(id={}) lease renewal failed: {}", lease.activation().id(), e.getMessage());
      return false;
    }
  }

  /**
   * Asks the activation to stop. The slot's thread is interrupted only while this activation runs on
   * it: a late request (a lease found lost just as the work ended) must not hit the slot's next one.
   */
  synchronized void stop(Stop why) {
    if (stop == Stop.NONE) {
      stop = why;
    }
    if (!finished) {
      thread.interrupt();
    }
  }

  /** The handler returned: from now on no stop request interrupts the slot's thread. */
  synchronized void finished() {
    finished = true;
  }

  @Override
  public boolean leaseHeld() {
    return stop == Stop.NONE && renew();
  }

  @Override
  public Stop stopRequested() {
    return stop;
  }
}
