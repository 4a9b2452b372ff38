package io.botburrow.llm;

import java.time.Duration;
import java.util.Optional;

/** A chat model call failed. {@code retryable} tells whether trying again later may succeed. */
public class LlmException extends RuntimeException {
  private final int status;
  private final boolean retryable;
  private final Duration retryAfter;

  public LlmException(String message, int status, boolean retryable, Throwable cause) {
    this(message, status, retryable, null, cause);
  }

  /**
   * @param retryAfter how long the provider asked us to wait before trying again (its {@code
   *     Retry-After}), or null
   */
  public LlmException(String message, int status, boolean retryable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** HTTP status from the provider, or 0 when no response was received. */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait the provider asked for (HTTP {@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
