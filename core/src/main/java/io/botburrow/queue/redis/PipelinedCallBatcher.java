package io.botburrow.queue.redis;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A {@link CallBatcher} whose call does not block its caller: the batch that queued up while a call was in
 * flight is sent from wherever that call's answer arrives (a client's I/O thread), before its callers are woken,
 * so no thread has to wake up before the next call goes out.
 */
final class PipelinedCallBatcher<Q, A> extends CallBatcher<Q, A> {
  /**
   * A pipelined call's answer sends the next batch itself when at least this many requests queued meanwhile;
   * fewer are left to the first of them, who sends them and whatever else queued while it woke. Measured with
   * {@code ./botburrow bench queue} and {@code bench scale}: sending even one or two at once gained where round
   * trips are what limits (one Redis) and lost where the client's CPU is (three shards on two cores), as every
   * call costs the client about as much as its requests together; at four both gained or held.
   */
  static final int SEND_AT_ONCE = 4;

  // the call is sent without blocking, and the next batch goes out as soon as it returns
  private final Function<List<Q>, CompletionStage<List<A>>> asyncCall;

  /** @param asyncCall sends one batch and answers each request in order; it must not block */
  PipelinedCallBatcher(Function<List<Q>, CompletionStage<List<A>>> asyncCall, int maxBatch) {
    super(maxBatch);
    this.asyncCall = asyncCall;
  }

  @Override
  A submit(Q request) {
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
    return mine.result();
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
    answer(batch, answers, failure);
    if (leader != null) {
      LockSupport.unpark(leader.thread);
    }
  }

  private static <Q, A> void answer(List<Pending<Q, A>> batch, List<A> answers, Throwable failure) {
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
  }

  private static RuntimeException asRuntime(Throwable failure) {
    Throwable cause = RedisFailures.unwrap(failure);
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException("batched call failed", cause);
  }
}
