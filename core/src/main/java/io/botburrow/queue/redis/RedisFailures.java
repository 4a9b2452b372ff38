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
    } catch (RedissonShutdownException e) {
      throw new QueueUnavailableException("Redis client is shut down during " + operation, e);
    } catch (RedisException e) {
      if (isScriptBug(e)) {
        throw new IllegalStateException("queue script failed during " + operation, e);
      }
      throw new QueueUnavailableException("Redis unavailable during " + operation, e);
    }
  }

  /** The failure of an asynchronous call, translated as {@link #translate} does (other failures pass as they are). */
  static Throwable translated(String operation, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof RedissonShutdownException e) {
      return new QueueUnavailableException("Redis client is shut down during " + operation, e);
    }
    if (cause instanceof RedisException e) {
      return isScriptBug(e)
          ? new IllegalStateException("queue script failed during " + operation, e)
          : new QueueUnavailableException("Redis unavailable during " + operation, e);
    }
    return cause;
  }

  private static boolean isScriptBug(RedisException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("user_script") || message.contains("Error compiling script");
  }
}
