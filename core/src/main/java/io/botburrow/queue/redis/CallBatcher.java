package io.botburrow.queue.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit for Redis calls: while one call is in flight, concurrent requests queue up and go
 * together in the next call (one script invocation for many items). An idle caller runs its request
 * at once, so batching costs no latency; under load, round trips are shared. The caller whose call
 * returns hands the next batch to the first waiting caller, so nobody does others' work for long.
 * Each waiter is woken individually (no herd of threads per completed call). A {@linkplain #pipelined
 * pipelined} batcher sends the next batch from the thread its call's answer arrives on instead, so no
 * thread has to wake up before it goes out (when enough have queued for it: {@link
 * PipelinedCallBatcher#SEND_AT_ONCE}).
 *
 * <p>This class keeps the line of waiting requests and who leads the next call; how a batch is called is
 * {@link BlockingCallBatcher}'s or {@link PipelinedCallBatcher}'s.
 *
 * @param <Q> one request
 * @param <A> its answer
 */
abstract sealed class CallBatcher<Q, A> permits BlockingCallBatcher, PipelinedCallBatcher {
  static final class Pending<Q, A> {
    final Q request;
    final Thread thread = Thread.currentThread();
    A answer;
    RuntimeException failure;
    volatile boolean done;
    volatile boolean leads;

    Pending(Q request) {
      this.request = request;
    }

    A result() {
      if (failure != null) {
        throw failure;
      }
      return answer;
    }
  }

  private final int maxBatch;
  // the line, read and changed only under the lock
  final ReentrantLock lock = new ReentrantLock();
  final ArrayDeque<Pending<Q, A>> queue = new ArrayDeque<>();
  boolean busy;

  CallBatcher(int maxBatch) {
    this.maxBatch = maxBatch;
  }

  /** A batcher whose call blocks its leading caller (see {@link BlockingCallBatcher}). */
  static <Q, A> CallBatcher<Q, A> blocking(Function<List<Q>, List<A>> call, int maxBatch) {
    return new BlockingCallBatcher<>(call, maxBatch);
  }

  /** A batcher whose call does not block its caller (see {@link PipelinedCallBatcher}); {@code call} must not block. */
  static <Q, A> CallBatcher<Q, A> pipelined(Function<List<Q>, CompletionStage<List<A>>> call, int maxBatch) {
    return new PipelinedCallBatcher<>(call, maxBatch);
  }

  /** Requests waiting for a call (for tests and diagnostics). */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code request}, alone or with others, and returns its answer. Blocks. */
  abstract A submit(Q request);

  /** Queues the request; returns whether its caller leads the next call. */
  final boolean enqueue(Pending<Q, A> mine) {
    lock.lock();
    try {
      queue.addLast(mine);
      boolean leads = !busy;
      busy = true;
      return leads;
    } finally {
      lock.unlock();
    }
  }

  final void awaitAnswerOrTurn(Pending<Q, A> mine) {
    boolean interrupted = false;
    while (!mine.done && !mine.leads) {
      LockSupport.park(this);
      // our request may already be in flight: keep waiting for its answer, keep the interrupt
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  final List<Pending<Q, A>> takeBatch() {
    lock.lock();
    try {
      return takeBatchLocked();
    } finally {
      lock.unlock();
    }
  }

  final List<Pending<Q, A>> takeBatchLocked() {
    List<Pending<Q, A>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
    while (!queue.isEmpty() && batch.size() < maxBatch) {
      batch.add(queue.pollFirst());
    }
    return batch;
  }

  final Pending<Q, A> handOver() {
    lock.lock();
    try {
      Pending<Q, A> next = queue.peekFirst();
      if (next == null) {
        busy = false;
      } else {
        next.leads = true;
      }
      return next;
    } finally {
      lock.unlock();
    }
  }
}
