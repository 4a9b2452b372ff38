package io.botburrow.devkit.llm;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An answer the server is holding back until {@link #release()} (or until the server closes). */
public final class HeldTurn {
  private final RecordedRequest request;
  private final CountDownLatch released = new CountDownLatch(1);

  HeldTurn(RecordedRequest request) {
    this.request = request;
  }

  /** The request being answered. */
  public RecordedRequest request() {
    return request;
  }

  /** Lets the server send the answer. Idempotent. */
  public void release() {
    released.countDown();
  }

  public boolean isReleased() {
    return released.getCount() == 0;
  }

  /** Blocks the serving thread; returns false when the wait timed out. */
  boolean awaitRelease(Duration max) throws InterruptedException {
    return released.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }
}
