package io.botburrow.queue;

import java.util.Set;

/**
 * Leader duty: take back activations whose runner stopped renewing its lease, or died (which a
 * {@link io.botburrow.runners.RunnerObserver} tells long before the lease expires).
 */
public interface LeaseReaper {

  /**
   * Redelivers every activation whose lease has expired (attempt + 1), or dead-letters it once its
   * attempts are used up. Blocks; safe to run concurrently and repeatedly (each expired lease is
   * reaped once).
   *
   * @return the number of expired leases taken back
   * @throws QueueUnavailableException when the backend cannot be reached
   */
  int reapExpiredLeases();

  /**
   * The ids of the runners that hold leases now. Blocks.
   *
   * @throws QueueUnavailableException when the backend cannot be reached
   */
  Set<String> leaseHolders();

  /**
   * Takes back every activation whose lease {@code runnerId} holds, at once, as if its leases had
   * expired: attempt + 1, or the dead letters once its attempts are used up. For a runner that is
   * dead; a live one loses the work at its next renewal. Blocks; idempotent.
   *
   * @return the number of leases taken back
   * @throws QueueUnavailableException when the backend cannot be reached
   */
  int reapLeasesOf(String runnerId);
}
