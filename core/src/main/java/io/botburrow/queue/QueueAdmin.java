package io.botburrow.queue;

import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operator view of the activation queue: what is waiting, running, dead or blocked, and the
 * protocol counters.
 *
 * <p>Methods block on the backend and throw {@link QueueUnavailableException} when it cannot be
 * reached. Listings are snapshots, not transactions across calls.
 */
public interface QueueAdmin {

  /** Pending activations of {@code kind}, claimable or waiting for their agent. */
  long depth(ActivationKind kind);

  /** Age of the oldest pending activation of {@code kind}, if any. */
  Optional<Duration> oldestAge(ActivationKind kind);

  /** Every running activation with its lease, ordered by lease expiry. */
  List<RunningLease> runningLeases();

  /** Up to {@code limit} dead letters, oldest first. */
  List<DeadLetter> deadLetters(int limit);

  /**
   * Puts a dead letter back in its queue with attempt 1 (merged into a pending activation of the
   * same agent and kind, if there is one). Idempotent.
   *
   * @return {@code true} if the dead letter existed and is pending again
   */
  boolean requeueDeadLetter(ActivationId id);

  /** Agents whose failure circuit is open now. */
  List<OpenCircuit> openCircuits();

  /**
   * Closes {@code agent}'s failure circuit at once, as a success would: its failure count is forgotten
   * and its held work becomes claimable (unless the agent is running). Idempotent.
   *
   * @param agent the agent's queue key: its name, {@code tenant/agent} outside the default tenant
   * @return {@code true} if the agent had a circuit (open or counting failures)
   */
  boolean resetCircuit(String agent);

  /** Protocol counters since the backend was last emptied. */
  QueueCounters counters();
}
