package io.botburrow.queue.redis;

import io.botburrow.queue.QueueUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.redisson.RedissonShutdownException;
import org.redisson.client.RedisException;

/** Translates Redisson failures at the adapter boundary. */
final class RedisFailures {
  private RedisFailures() {}

  /**
   * Runs {@code call}, turning connection loss, timeouts and server-side transient states into
   * {@link QueueUnavailableException}. A Lua runtime error is a bug in this adapter, not an outage,
   * so it surfaces as {@link IllegalStateException}.
   */
  static <T> T translate(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RedisException e) {
      throw translated(operation, e);
    }
  }

  /** The failure of an asynchronous call, translated as {@link #translate} does (other failures pass as they are). */
  static Throwable translated(String operation, Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof RedisException e ? translated(operation, e) : cause;
  }

  private static RuntimeException translated(String operation, RedisException e) {
    if (e instanceof RedissonShutdownException) {
      return new QueueUnavailableException("Redis client is shut down during " + operation, e);
    }
    return isScriptBug(e)
        ? new IllegalStateException("queue script failed during " + operation, e)
        : new QueueUnavailableException("Redis unavailable during " + operation, e);
  }

  /** What failed inside a {@link CompletionException} (a dependent stage's wrapping), else the failure itself. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private static boolean isScriptBug(RedisException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("user_script") || message.contains("Error compiling script");
  }
}
