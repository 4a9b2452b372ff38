package io.botburrow.queue;

import io.botburrow.activation.RunnerPool;
import java.time.Duration;
import java.util.Optional;

/**
 * Runner-side view of the activation queue: claim with a lease, renew, and finish.
 *
 * <p>All methods block on the backend and throw {@link QueueUnavailableException} when it cannot be
 * reached.
 */
public interface ActivationClaims {

  /**
   * Claims the next activation for {@code pool} (notification before exploration for hybrid), waiting
   * up to {@code wait}. Never returns an activation of an agent that is already running anywhere.
   */
  Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait);

  /**
   * Extends the lease. Returns empty when the lease was lost (expired and redelivered); the holder
   * must then stop without further effects.
   */
  Optional<Lease> renew(Lease lease);

  /** The activation finished successfully: forget it and close the agent's failure circuit. */
  void complete(Lease lease);

  /**
   * Completes {@code finished} (as {@link #complete}) and claims the next activation (as {@link #claim}): a slot
   * that finished its work asks for more in the same round trip where the backend can.
   */
  default Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
    complete(finished);
    return claim(pool, runnerId, wait);
  }

  /**
   * The activation failed: redeliver with attempt + 1, or dead-letter it with {@code error} once the
   * attempts are used up. Counts towards the agent's failure circuit.
   */
  void fail(Lease lease, String error);

  /** Gives the activation back unfinished (e.g. on drain) for immediate redelivery, attempt unchanged. */
  void release(Lease lease);

  /**
   * Gives the activation back unfinished, attempt unchanged, for redelivery no sooner than {@code delay} from now
   * (when something outside the agent, such as the Hub, is down). The agent's other work waits as well, as behind an
   * open circuit, but its failure count is untouched and a later success or failure starts from it.
   */
  void defer(Lease lease, Duration delay);
}
