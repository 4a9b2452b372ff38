package io.botburrow.queue;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coordinator-side view of the activation queue.
 *
 * <p>All methods block on the backend and throw {@link QueueUnavailableException} when it cannot be
 * reached.
 */
public interface ActivationQueue {

  /**
   * Adds {@code activation} unless one for the same (agent, kind) is already pending. Idempotent per
   * (agent, kind): polling the Hub again must not enqueue again. While the agent is running, a new
   * activation is held as its single follow-up. Keyed kinds (see {@link ActivationKind#keyed()}) are
   * idempotent per trigger key instead and wait in order behind the agent's earlier work of the kind.
   *
   * @param fencingToken the enqueuing leader's token
   * @throws FencedOutException when {@code fencingToken} is not the current term's (only the leader election starts terms)
   */
  EnqueueResult enqueue(Activation activation, long fencingToken);

  /**
   * {@link #enqueue} for several activations, in order; adapters may send them in one round trip.
   *
   * @return one result per activation, in order
   * @throws FencedOutException when {@code fencingToken} is not the current term's (only the leader election starts terms)
   */
  default List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    List<EnqueueResult> results = new ArrayList<>(activations.size());
    for (Activation activation : activations) {
      results.add(enqueue(activation, fencingToken));
    }
    return results;
  }

  /**
   * Ingress: adds work of a keyed kind that arrived on any coordinator replica (a webhook delivery,
   * an API message), without a leader's token. Its trigger's idempotency key is the guard: a second
   * submit with the same key within the trigger's dedup window returns {@link EnqueueResult#DUPLICATE}.
   * While the agent runs or its circuit is open the work waits, in order, behind the agent's earlier
   * work of the kind.
   *
   * @throws FencedOutException with current token 0 when no leader has started a term since Redis
   *     lost its state (retry later)
   * @throws IllegalArgumentException for a Hub kind
   */
  EnqueueResult submit(Activation activation);

  /** Checks that {@code activation} may be submitted as ingress. */
  static void requireIngress(Activation activation) {
    if (!activation.kind().keyed()) {
      throw new IllegalArgumentException(activation.kind().wireName() + " work is enqueued by the leader only");
    }
  }

  /** Number of pending (not yet claimed) activations of {@code kind}. */
  long depth(ActivationKind kind);

  /** Pending activations a runner of {@code pool} could claim: the sum over the pool's kinds. */
  default long depth(RunnerPool pool) {
    return pool.kinds().stream().mapToLong(this::depth).sum();
  }

  /** Age of the oldest pending activation of {@code kind}, if any. */
  Optional<Duration> oldestAge(ActivationKind kind);
}
