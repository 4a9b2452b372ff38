package io.botburrow.llm.resilience;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Retry and circuit-breaker settings for every LLM provider endpoint.
 *
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff wait after the first retryable failure
 * @param backoffMultiplier growth of the wait per further failure
 * @param maxBackoff longest backoff wait
 * @param maxRetryAfter longest wait honoured when the provider sends {@code Retry-After}
 * @param maxTotalTime no retry starts later than this after the call began
 * @param connectTimeout TCP/TLS connect timeout of the shared HTTP client
 * @param failureRateThreshold percentage of failed calls (in the window) that opens the circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the circuit may open
 * @param waitInOpenState how long an open circuit refuses calls before letting a probe through
 */
@ConfigurationProperties("botburrow.llm.resilience")
public record LlmResilience(
    @Bindable(defaultValue = "4") int maxAttempts,
    @Bindable(defaultValue = "500ms") Duration initialBackoff,
    @Bindable(defaultValue = "2.0") double backoffMultiplier,
    @Bindable(defaultValue = "8s") Duration maxBackoff,
    @Bindable(defaultValue = "30s") Duration maxRetryAfter,
    @Bindable(defaultValue = "90s") Duration maxTotalTime,
    @Bindable(defaultValue = "10s") Duration connectTimeout,
    @Bindable(defaultValue = "50") float failureRateThreshold,
    @Bindable(defaultValue = "20") int slidingWindowSize,
    @Bindable(defaultValue = "10") int minimumNumberOfCalls,
    @Bindable(defaultValue = "30s") Duration waitInOpenState) {

  public LlmResilience {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    if (backoffMultiplier < 1.0) {
      throw new IllegalArgumentException("backoffMultiplier must be >= 1");
    }
    if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
      throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]");
    }
    if (slidingWindowSize < 1 || minimumNumberOfCalls < 1) {
      throw new IllegalArgumentException("slidingWindowSize and minimumNumberOfCalls must be >= 1");
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(maxRetryAfter, "maxRetryAfter");
    requirePositive(maxTotalTime, "maxTotalTime");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(waitInOpenState, "waitInOpenState");
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  public static LlmResilience defaults() {
    return new LlmResilience(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofSeconds(30),
        Duration.ofSeconds(90), Duration.ofSeconds(10), 50, 20, 10, Duration.ofSeconds(30));
  }

  public LlmResilience withRetries(int attempts, Duration initial, Duration maxWait) {
    return new LlmResilience(attempts, initial, backoffMultiplier, maxWait, maxRetryAfter, maxTotalTime,
        connectTimeout, failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, waitInOpenState);
  }

  public LlmResilience withMaxRetryAfter(Duration cap) {
    return new LlmResilience(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, cap, maxTotalTime,
        connectTimeout, failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, waitInOpenState);
  }

  public LlmResilience withMaxTotalTime(Duration total) {
    return new LlmResilience(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, maxRetryAfter, total,
        connectTimeout, failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, waitInOpenState);
  }

  public LlmResilience withCircuit(float failureRate, int window, int minimumCalls, Duration openWait) {
    return new LlmResilience(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, maxRetryAfter, maxTotalTime,
        connectTimeout, failureRate, window, minimumCalls, openWait);
  }
}
