package io.botburrow.queue.redis;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A {@link CallBatcher} whose call blocks: the leading caller runs the batch on its own thread, answers each
 * request of it, then hands the lead to the first caller still waiting.
 */
final class BlockingCallBatcher<Q, A> extends CallBatcher<Q, A> {
  private final Function<List<Q>, List<A>> call;

  /**
   * @param call runs one batch, answering each request in order (it may throw; then every request
   *     of the batch fails with that exception)
   */
  BlockingCallBatcher(Function<List<Q>, List<A>> call, int maxBatch) {
    super(maxBatch);
    this.call = call;
  }

  @Override
  A submit(Q request) {
    Pending<Q, A> mine = new Pending<>(request);
    if (!enqueue(mine)) {
      awaitAnswerOrTurn(mine);
    }
    if (!mine.done) {
      run(takeBatch());
    }
    return mine.result();
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
}
