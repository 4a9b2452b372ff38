package io.botburrow.llm.resilience;

import io.botburrow.llm.LlmException;
import java.time.Duration;

/** Which failures are retried and how long to wait before the next attempt. Pure. */
public final class RetryPolicy {
  private final LlmResilience config;

  public RetryPolicy(LlmResilience config) {
    this.config = config;
  }

  /** Retryable provider errors only; an open circuit is not retried here (a fallback may take over). */
  public boolean isRetryable(Throwable error) {
    return error instanceof LlmException llm && llm.retryable() && !(error instanceof CircuitOpenException);
  }

  /** Exponential backoff after failed attempt number {@code attempt} (1-based), capped. */
  public Duration backoff(int attempt) {
    double millis = config.initialBackoff().toMillis() * Math.pow(config.backoffMultiplier(), Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, config.maxBackoff().toMillis()));
  }

  /** The provider's {@code Retry-After} (capped) when it sent one, the backoff otherwise. */
  public Duration waitAfter(int attempt, Throwable error) {
    if (error instanceof LlmException llm && llm.retryAfter().isPresent()) {
      var asked = llm.retryAfter().get();
      return asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
    }
    return backoff(attempt);
  }

  /** Whether another attempt, started after {@code wait}, still begins within the call's time budget. */
  public boolean fitsBudget(Duration elapsed, Duration wait) {
    return elapsed.plus(wait).compareTo(config.maxTotalTime()) < 0;
  }
}
