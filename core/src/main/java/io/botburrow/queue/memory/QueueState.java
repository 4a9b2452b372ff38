package io.botburrow.queue.memory;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.Lease;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** State and transitions of the in-memory queue; the caller holds the lock. */
final class QueueState {
  record Run(Activation activation, String runnerId, Instant expiresAt) {}

  private final QueueSettings settings;
  private final Clock clock;
  private final PendingWork pending = new PendingWork();
  private final ClaimOrder order;
  private final AgentCircuits circuits;
  private final Redelivery redelivery;
  private final Map<String, Run> running = new HashMap<>();
  private final Map<String, Instant> idempotencyKeys = new HashMap<>();
  private long fence;

  QueueState(QueueSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.order = new ClaimOrder(settings, clock);
    this.circuits = new AgentCircuits(settings, clock);
    this.redelivery = new Redelivery(settings, clock, pending);
  }

  /** The current term's token, 0 before the first term. */
  long fence() {
    return fence;
  }

  void startTerm(long token) {
    fence = token;
  }

  EnqueueResult enqueue(Activation activation) {
    if (activation.kind().keyed()) {
      return enqueueKeyed(activation);
    }
    if (circuits.isOpen(activation.queueKey())) {
      return EnqueueResult.CIRCUIT_OPEN;
    }
    Optional<Activation> existing = pending.get(activation.queueKey(), activation.kind());
    if (existing.isPresent()) {
      pending.update(PendingWork.mergeIds(existing.get(), activation));
      return EnqueueResult.ALREADY_PENDING;
    }
    pending.put(activation, order.next(activation));
    return EnqueueResult.ENQUEUED;
  }

  // Keyed work is never refused for an open circuit: it waits until the circuit closes.
  private EnqueueResult enqueueKeyed(Activation activation) {
    Instant now = clock.instant();
    idempotencyKeys.values().removeIf(until -> !until.isAfter(now));
    String key = activation.trigger().key();
    if (idempotencyKeys.containsKey(key)) {
      return EnqueueResult.DUPLICATE;
    }
    idempotencyKeys.put(key, now.plus(activation.trigger().dedupFor()));
    pending.put(activation, order.next(activation));
    return EnqueueResult.ENQUEUED;
  }

  Optional<Lease> claim(RunnerPool pool, String runnerId) {
    Optional<ActivationKind> nextKind = order.nextKind(pool, pending, this::claimable);
    if (nextKind.isPresent()) {
      ActivationKind kind = nextKind.get();
      Optional<Activation> next = pending.first(kind, this::claimable);
      if (next.isPresent()) {
        Activation activation = next.get();
        pending.remove(PendingWork.slotOf(activation), kind);
        Instant expiry = clock.instant().plus(settings.leaseDuration());
        running.put(activation.queueKey(), new Run(activation, runnerId, expiry));
        return Optional.of(new Lease(activation, runnerId, expiry));
      }
    }
    return Optional.empty();
  }

  Optional<Lease> renew(Lease lease) {
    if (!holds(lease)) {
      return Optional.empty();
    }
    Instant expiry = clock.instant().plus(settings.leaseDuration());
    running.put(lease.activation().queueKey(), new Run(current(lease).activation(), lease.runnerId(), expiry));
    return Optional.of(lease.renewedUntil(expiry));
  }

  void complete(Lease lease) {
    if (holds(lease)) {
      running.remove(lease.activation().queueKey());
      circuits.reset(lease.activation().queueKey());
    }
  }

  void fail(Lease lease, String error) {
    if (!holds(lease)) {
      return;
    }
    Run run = running.remove(lease.activation().queueKey());
    circuits.failed(run.activation().queueKey());
    redelivery.redeliverOrBury(run.activation(), error);
  }

  void release(Lease lease) {
    if (!holds(lease)) {
      return;
    }
    Activation activation = running.remove(lease.activation().queueKey()).activation();
    pending.putBack(activation, ClaimOrder.released(activation, pending.lowestOrder(activation.kind())));
  }

  void defer(Lease lease, Duration delay) {
    if (!holds(lease)) {
      return;
    }
    Activation activation = running.remove(lease.activation().queueKey()).activation();
    circuits.holdUntil(activation.queueKey(), clock.instant().plus(delay));
    pending.putBack(activation, ClaimOrder.base(activation));
  }

  int reapExpired() {
    Instant now = clock.instant();
    List<Run> expired = running.values().stream().filter(run -> !run.expiresAt().isAfter(now)).toList();
    for (Run run : expired) {
      running.remove(run.activation().queueKey());
      redelivery.leaseExpired(run.activation(), run.runnerId());
    }
    return expired.size();
  }

  java.util.Set<String> leaseHolders() {
    return running.values().stream().map(Run::runnerId).collect(java.util.stream.Collectors.toSet());
  }

  int reapRunner(String runnerId) {
    List<Run> held = running.values().stream().filter(run -> run.runnerId().equals(runnerId)).toList();
    for (Run run : held) {
      running.remove(run.activation().queueKey());
      redelivery.redeliverOrBury(run.activation(), "runner " + runnerId + " missed its heartbeats");
    }
    return held.size();
  }

  boolean requeue(ActivationId id) {
    return redelivery.requeue(id);
  }

  List<OpenCircuit> openCircuits() {
    return circuits.open();
  }

  boolean resetCircuit(String agent) {
    return circuits.reset(agent);
  }

  QueueCounters counters() {
    return redelivery.counters();
  }

  PendingWork pending() {
    return pending;
  }

  Map<String, Run> running() {
    return running;
  }

  Map<ActivationId, DeadLetter> dead() {
    return redelivery.dead();
  }

  private boolean claimable(String agent) {
    return !running.containsKey(agent) && !circuits.isOpen(agent);
  }

  private boolean holds(Lease lease) {
    Run run = running.get(lease.activation().queueKey());
    return run != null
        && run.runnerId().equals(lease.runnerId())
        && run.activation().id().equals(lease.activation().id());
  }

  private Run current(Lease lease) {
    return running.get(lease.activation().queueKey());
  }
}
