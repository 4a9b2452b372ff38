package io.botburrow.queue.memory;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.Lease;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.RunningLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The activation protocol in one JVM, for unit tests: same semantics as the Redis adapter, checked
 * by the same contract suite. Thread-safe.
 */
public final class InMemoryActivationQueue
    implements ActivationQueue, ActivationClaims, QueueAdmin, LeaseReaper {
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workArrived = lock.newCondition();
  private final QueueState state;
  private final Clock clock;

  public InMemoryActivationQueue(QueueSettings settings, Clock clock) {
    this.clock = clock;
    this.state = new QueueState(settings, clock);
  }

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    return locked(() -> {
      long current = state.fence();
      if (fencingToken != current) {
        throw new FencedOutException(fencingToken, current);
      }
      return state.enqueue(activation);
    });
  }

  @Override
  public EnqueueResult submit(Activation activation) {
    ActivationQueue.requireIngress(activation);
    return locked(() -> {
      if (state.fence() == 0) {
        throw new FencedOutException(-1, 0);
      }
      return state.enqueue(activation);
    });
  }

  /**
   * What a leader election does when it gains a term: from now on only {@code token} is accepted.
   * Tests call it before enqueueing.
   */
  public void startTerm(long token) {
    locked(() -> {
      state.startTerm(token);
      return null;
    });
  }

  @Override
  public long depth(ActivationKind kind) {
    return locked(() -> (long) state.pending().size(kind));
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return locked(() -> state.pending().oldest(kind)
        .map(oldest -> Duration.between(oldest.enqueuedAt(), clock.instant()))
        .map(age -> age.isNegative() ? Duration.ZERO : age));
  }

  @Override
  public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
    if (runnerId == null || runnerId.isBlank()) {
      throw new IllegalArgumentException("runnerId must not be blank");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<Lease> lease = state.claim(pool, runnerId);
        long remaining = deadline - System.nanoTime();
        if (lease.isPresent() || remaining <= 0) {
          return lease;
        }
        // time-based changes (a circuit closing) do not signal, so re-check now and then
        workArrived.awaitNanos(Math.min(remaining, RECHECK_NANOS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<Lease> renew(Lease lease) {
    return locked(() -> state.renew(lease));
  }

  @Override
  public void complete(Lease lease) {
    locked(() -> state.complete(lease));
  }

  @Override
  public void fail(Lease lease, String error) {
    locked(() -> state.fail(lease, error == null ? "" : error));
  }

  @Override
  public void release(Lease lease) {
    locked(() -> state.release(lease));
  }

  @Override
  public void defer(Lease lease, java.time.Duration delay) {
    locked(() -> state.defer(lease, delay));
  }

  @Override
  public int reapExpiredLeases() {
    return locked(state::reapExpired);
  }

  @Override
  public java.util.Set<String> leaseHolders() {
    return locked(state::leaseHolders);
  }

  @Override
  public int reapLeasesOf(String runnerId) {
    return locked(() -> state.reapRunner(runnerId));
  }

  @Override
  public List<RunningLease> runningLeases() {
    return locked(() -> state.running().values().stream()
        .map(run -> new RunningLease(
            run.activation().queueKey(), run.activation().id(), run.activation().kind(),
            run.runnerId(), run.activation().attempt(), run.expiresAt()))
        .sorted(Comparator.comparing(RunningLease::leaseExpiresAt))
        .toList());
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return locked(() -> state.dead().values().stream().limit(Math.max(0, limit)).toList());
  }

  @Override
  public boolean requeueDeadLetter(ActivationId id) {
    return locked(() -> state.requeue(id));
  }

  @Override
  public List<OpenCircuit> openCircuits() {
    return locked(state::openCircuits);
  }

  @Override
  public boolean resetCircuit(String agent) {
    return locked(() -> state.resetCircuit(agent));
  }

  @Override
  public QueueCounters counters() {
    return locked(state::counters);
  }

  private <T> T locked(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      workArrived.signalAll();
      return result;
    } finally {
      lock.unlock();
    }
  }

  private void locked(Runnable action) {
    locked(() -> {
      action.run();
      return null;
    });
  }
}
