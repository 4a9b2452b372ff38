package io.botburrow.queue.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * thread has to wake up before it goes out (when enough have queued for it: {@link #SEND_AT_ONCE}).
 *
 * @param <Q> one request
 * @param <A> its answer
 */
final class CallBatcher<Q, A> {
  private static final class Pending<Q, A> {
    final Q request;
    final Thread thread = Thread.currentThread();
    A answer;
    RuntimeException failure;
    volatile boolean done;
    volatile boolean leads;

    Pending(Q request) {
      this.request = request;
    }
  }

  /**
   * A pipelined call's answer sends the next batch itself when at least this many requests queued meanwhile;
   * fewer are left to the first of them, who sends them and whatever else queued while it woke. Measured with
   * {@code ./botburrow bench queue} and {@code bench scale}: sending even one or two at once gained where round
   * trips are what limits (one Redis) and lost where the client's CPU is (three shards on two cores), as every
   * call costs the client about as much as its requests together; at four both gained or held.
   */
  static final int SEND_AT_ONCE = 4;

  private final Function<List<Q>, List<A>> call;
  // pipelined: the call is sent without blocking, and the next batch goes out as soon as it returns
  private final Function<List<Q>, CompletionStage<List<A>>> asyncCall;
  private final int maxBatch;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Pending<Q, A>> queue = new ArrayDeque<>();
  private boolean busy;

  /**
   * @param call runs one batch, answering each request in order (it may throw; then every request
   *     of the batch fails with that exception)
   */
  CallBatcher(Function<List<Q>, List<A>> call, int maxBatch) {
    this.call = call;
    this.asyncCall = null;
    this.maxBatch = maxBatch;
  }

  private CallBatcher(int maxBatch, Function<List<Q>, CompletionStage<List<A>>> asyncCall) {
    this.call = null;
    this.asyncCall = asyncCall;
    this.maxBatch = maxBatch;
  }

  /**
   * A batcher whose call does not block its caller: the batch that queued up while a call was in flight is sent
   * from wherever that call's answer arrives (a client's I/O thread), before its callers are woken, so no
   * thread has to wake up before the next call goes out. {@code call} must not block.
   */
  static <Q, A> CallBatcher<Q, A> pipelined(Function<List<Q>, CompletionStage<List<A>>> call, int maxBatch) {
    return new CallBatcher<>(maxBatch, call);
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
  A submit(Q request) {
    if (asyncCall != null) {
      return submitPipelined(request);
    }
    Pending<Q, A> mine = new Pending<>(request);
    if (!enqueue(mine)) {
      awaitAnswerOrTurn(mine);
    }
    if (!mine.done) {
      run(takeBatch());
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.answer;
  }

  private A submitPipelined(Q request) {
    Pending<Q, A> mine = new Pending<>(request);
    if (enqueue(mine)) {
      send(takeBatch());
    }
    awaitAnswerOrTurn(mine);
    while (!mine.done) {
      // too few had queued for the returning call to send them: this caller sends what has queued by now
      mine.leads = false;
      send(takeBatch());
      awaitAnswerOrTurn(mine);
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.answer;
  }

  private void send(List<Pending<Q, A>> batch) {
    CompletionStage<List<A>> answers;
    try {
      answers = asyncCall.apply(batch.stream().map(p -> p.request).toList());
    } catch (RuntimeException e) {
      answers = CompletableFuture.failedFuture(e);
    }
    answers.whenComplete((list, failure) -> returned(batch, list, failure));
  }

  // The next batch goes out first; then this one's callers are woken.
  private void returned(List<Pending<Q, A>> batch, List<A> answers, Throwable failure) {
    List<Pending<Q, A>> next = null;
    Pending<Q, A> leader = null;
    lock.lock();
    try {
      if (queue.isEmpty()) {
        busy = false;
      } else if (queue.size() >= SEND_AT_ONCE) {
        next = takeBatchLocked();
      } else {
        leader = queue.peekFirst();
        leader.leads = true;
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      send(next);
    }
    RuntimeException error = failure == null ? null : asRuntime(failure);
    if (error == null && (answers == null || answers.size() != batch.size())) {
      error = new IllegalStateException(
          (answers == null ? "no" : String.valueOf(answers.size())) + " answers for " + batch.size() + " requests");
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending<Q, A> pending = batch.get(i);
      pending.failure = error;
      pending.answer = error == null ? answers.get(i) : null;
      pending.done = true; // volatile write publishes answer and failure
      LockSupport.unpark(pending.thread);
    }
    if (leader != null) {
      LockSupport.unpark(leader.thread);
    }
  }

  private static RuntimeException asRuntime(Throwable failure) {
    Throwable cause = RedisFailures.unwrap(failure);
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException("batched call failed", cause);
  }

  /** Queues the request; returns whether its caller leads the next call. */
  private boolean enqueue(Pending<Q, A> mine) {
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

  private void awaitAnswerOrTurn(Pending<Q, A> mine) {
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

  private List<Pending<Q, A>> takeBatch() {
    lock.lock();
    try {
      return takeBatchLocked();
    } finally {
      lock.unlock();
    }
  }

  private List<Pending<Q, A>> takeBatchLocked() {
    List<Pending<Q, A>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
    while (!queue.isEmpty() && batch.size() < maxBatch) {
      batch.add(queue.pollFirst());
    }
    return batch;
  }

  private void run(List<Pending<Q, A>> batch) {
    List<A> answers = null;
    RuntimeException failure = null;
    try {
      answers = call.apply(batch.stream().map(p -> p.request).toList());
      if (answers.size() != batch.size()) {
        throw new IllegalStateException(answers.size() + " answers for " + batch.size() + " requests");
      }
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      // waiters must not hang: they fail too, and the error goes on up this thread
      failure = new IllegalStateException("batched call failed", e);
      complete(batch, null, failure);
      throw e;
    }
    complete(batch, answers, failure);
  }

  private void complete(List<Pending<Q, A>> batch, List<A> answers, RuntimeException failure) {
    for (int i = 0; i < batch.size(); i++) {
      Pending<Q, A> pending = batch.get(i);
      pending.failure = failure;
      pending.answer = answers == null ? null : answers.get(i);
      pending.done = true; // volatile write publishes answer and failure
    }
    Pending<Q, A> next = handOver();
    Thread self = Thread.currentThread();
    for (Pending<Q, A> pending : batch) {
      if (pending.thread != self) {
        LockSupport.unpark(pending.thread);
      }
    }
    if (next != null) {
      LockSupport.unpark(next.thread);
    }
  }

  private Pending<Q, A> handOver() {
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
