package io.botburrow.queue;

/** Leader duty: take back activations whose runner stopped renewing its lease. */
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
}
