package io.botburrow.leader.redis;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.redisson.api.RFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Redis calls of the election: bounded in time, failures logged and read as "no answer". */
final class LeaseCalls {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseCalls.class);

  private LeaseCalls() {}

  /** The reply within {@code limit}, or {@code null} if Redis failed or did not answer in time. */
  static <T> T bounded(Supplier<RFuture<T>> request, Duration limit) {
    RFuture<T> call;
    try {
      call = request.get();
    } catch (RuntimeException e) {
      // e.g. the client is shut down: no answer, like a lost connection
      LOG.debug("Leader lease call not sent: {}", e.toString());
      return null;
    }
    try {
      return call.toCompletableFuture().get(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(false);
      LOG.debug("Leader lease call timed out after {}", limit);
      return null;
    } catch (ExecutionException e) {
      LOG.debug("Leader lease call failed: {}", e.getCause().toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static void quietly(Supplier<?> call) {
    try {
      call.get();
    } catch (RuntimeException e) {
      LOG.debug("Leader lease release failed: {}", e.toString());
    }
  }
}
