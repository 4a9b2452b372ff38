package io.botburrow.runner;

import io.botburrow.queue.Lease;
import java.time.Instant;

/**
 * Told the moment this runner claimed an activation, before it runs. For measurements such as the
 * dispatch benchmark; called on the claiming slot's thread, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface ClaimObserver {

  /** Observes nothing: the default. */
  ClaimObserver NONE = (lease, claimedAt) -> {};

  void claimed(Lease lease, Instant claimedAt);
}
