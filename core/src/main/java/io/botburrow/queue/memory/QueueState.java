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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** State and transitions of the in-memory queue; the caller holds the lock. */
final class QueueState {
  // as in the Redis adapter: enqueue epoch ms * 1024 + a sequence within the millisecond
  private static final int ORDER_SLOTS = 1024;

  record Run(Activation activation, String runnerId, Instant expiresAt) {}

  private record Circuit(int failures, Instant openUntil) {}

  private final QueueSettings settings;
  private final Clock clock;
  private final PendingWork pending = new PendingWork();
  private final Map<String, Run> running = new HashMap<>();
  private final Map<String, Circuit> circuits = new HashMap<>();
  private final Map<ActivationId, DeadLetter> dead = new LinkedHashMap<>();
  private final Map<String, Instant> idempotencyKeys = new HashMap<>();
  private long fence;
  private long sequence;
  private long redeliveries;
  private long leaseExpirations;
  private long deadLetters;

  QueueState(QueueSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
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
    if (circuitOpen(activation.queueKey())) {
      return EnqueueResult.CIRCUIT_OPEN;
    }
    Optional<Activation> existing = pending.get(activation.queueKey(), activation.kind());
    if (existing.isPresent()) {
      pending.update(PendingWork.mergeIds(existing.get(), activation));
      return EnqueueResult.ALREADY_PENDING;
    }
    long order = activation.enqueuedAt().toEpochMilli() * ORDER_SLOTS + (++sequence % ORDER_SLOTS);
    pending.put(activation, order);
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
    pending.put(activation, activation.enqueuedAt().toEpochMilli() * ORDER_SLOTS + (++sequence % ORDER_SLOTS));
    return EnqueueResult.ENQUEUED;
  }

  /** The pool's kind whose first claimable work goes next (see {@code claim.lua}). */
  private Optional<ActivationKind> nextKind(RunnerPool pool) {
    ActivationKind best = null;
    long bestRank = 0;
    long bestOrder = 0;
    for (ActivationKind kind : pool.kinds()) {
      Optional<Long> head = pending.firstOrder(kind, this::claimable);
      if (head.isPresent()) {
        long rank = effectiveRank(kind, head.get());
        if (best == null || rank < bestRank || (rank == bestRank && head.get() < bestOrder)) {
          best = kind;
          bestRank = rank;
          bestOrder = head.get();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private long effectiveRank(ActivationKind kind, long order) {
    long promoteMs = settings.promoteAfter().toMillis();
    if (promoteMs <= 0) {
      return kind.rank();
    }
    long waited = Math.max(0, clock.millis() - order / ORDER_SLOTS);
    return kind.rank() - waited / promoteMs;
  }

  Optional<Lease> claim(RunnerPool pool, String runnerId) {
    Optional<ActivationKind> nextKind = nextKind(pool);
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
      circuits.remove(lease.activation().queueKey());
    }
  }

  void fail(Lease lease, String error) {
    if (!holds(lease)) {
      return;
    }
    Run run = running.remove(lease.activation().queueKey());
    String agent = run.activation().queueKey();
    int failures = Optional.ofNullable(circuits.get(agent)).map(Circuit::failures).orElse(0) + 1;
    Duration backoff = settings.circuit().nextBackoff(failures);
    Instant openUntil = backoff.isZero() ? clock.instant() : clock.instant().plus(backoff);
    circuits.put(agent, new Circuit(failures, openUntil));
    redeliverOrBury(run.activation(), error);
  }

  void release(Lease lease) {
    if (!holds(lease)) {
      return;
    }
    Activation activation = running.remove(lease.activation().queueKey()).activation();
    long order = baseOrder(activation);
    Optional<Long> head = pending.lowestOrder(activation.kind());
    if (head.isPresent() && head.get() <= order) {
      order = head.get() - 1;
    }
    putBack(activation, order);
  }

  void defer(Lease lease, Duration delay) {
    if (!holds(lease)) {
      return;
    }
    Activation activation = running.remove(lease.activation().queueKey()).activation();
    String agent = activation.queueKey();
    Instant until = clock.instant().plus(delay);
    Circuit circuit = circuits.get(agent);
    if (circuit == null) {
      circuits.put(agent, new Circuit(0, until));
    } else if (circuit.openUntil().isBefore(until)) {
      circuits.put(agent, new Circuit(circuit.failures(), until));
    }
    putBack(activation, baseOrder(activation));
  }

  int reapExpired() {
    Instant now = clock.instant();
    List<Run> expired = running.values().stream().filter(run -> !run.expiresAt().isAfter(now)).toList();
    for (Run run : expired) {
      running.remove(run.activation().queueKey());
      leaseExpirations++;
      redeliverOrBury(run.activation(), "lease expired (runner " + run.runnerId() + ")");
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
      redeliverOrBury(run.activation(), "runner " + runnerId + " missed its heartbeats");
    }
    return held.size();
  }

  boolean requeue(ActivationId id) {
    DeadLetter letter = dead.remove(id);
    if (letter == null) {
      return false;
    }
    Activation fresh = letter.activation().withAttempt(1);
    putBack(fresh, baseOrder(fresh));
    return true;
  }

  List<OpenCircuit> openCircuits() {
    List<OpenCircuit> open = new ArrayList<>();
    circuits.forEach((agent, circuit) -> {
      if (circuit.openUntil().isAfter(clock.instant())) {
        open.add(new OpenCircuit(agent, circuit.failures(), circuit.openUntil()));
      }
    });
    return open;
  }

  boolean resetCircuit(String agent) {
    return circuits.remove(agent) != null;
  }

  QueueCounters counters() {
    return new QueueCounters(redeliveries, leaseExpirations, deadLetters);
  }

  PendingWork pending() {
    return pending;
  }

  Map<String, Run> running() {
    return running;
  }

  Map<ActivationId, DeadLetter> dead() {
    return dead;
  }

  private void redeliverOrBury(Activation activation, String error) {
    if (activation.attempt() >= settings.maxAttempts()) {
      dead.put(activation.id(), new DeadLetter(activation, error, clock.instant()));
      deadLetters++;
      return;
    }
    Activation next = activation.withAttempt(activation.attempt() + 1);
    putBack(next, baseOrder(next));
    redeliveries++;
  }

  /** Makes {@code activation} pending again, absorbing a follow-up of the same (agent, kind). */
  private void putBack(Activation activation, long order) {
    if (activation.kind().keyed()) {
      pending.put(activation, order);
      return;
    }
    Optional<Activation> followUp = pending.get(activation.queueKey(), activation.kind());
    if (followUp.isPresent()) {
      activation = PendingWork.mergeIds(activation, followUp.get());
      order = Math.min(order, pending.orderOf(activation.queueKey(), activation.kind()).orElse(order));
    }
    pending.put(activation, order);
  }

  private boolean claimable(String agent) {
    return !running.containsKey(agent) && !circuitOpen(agent);
  }

  private boolean circuitOpen(String agent) {
    Circuit circuit = circuits.get(agent);
    return circuit != null && circuit.openUntil().isAfter(clock.instant());
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

  private static long baseOrder(Activation activation) {
    return activation.enqueuedAt().toEpochMilli() * ORDER_SLOTS;
  }
}
