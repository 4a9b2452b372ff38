package io.botburrow.runner.activation;

/**
 * What the runner tells one running activation: whether its delivery still owns the work, and whether
 * it was asked to stop. Effects that must happen once (a reply) are made only while {@link #leaseHeld()}.
 */
public interface ActivationControl {

  /** Why the runner stopped an activation. */
  enum Stop {
    /** Not stopped. */
    NONE,
    /** The lease was lost: another delivery may own the work now. */
    LEASE_LOST,
    /** The runner is draining; the work is released for redelivery. */
    DRAIN
  }

  /** An activation run outside a runner (tests, benchmarks): always owns its work. */
  ActivationControl UNGUARDED = new ActivationControl() {
    @Override
    public boolean leaseHeld() {
      return true;
    }

    @Override
    public Stop stopRequested() {
      return Stop.NONE;
    }
  };

  /**
   * Confirms with the queue, right now, that this delivery still holds its lease. Blocks on the queue;
   * false when the lease is lost, the runner asked the activation to stop, or the queue cannot confirm.
   */
  boolean leaseHeld();

  /** Why the runner asked this activation to stop, or {@link Stop#NONE}. */
  Stop stopRequested();
}
