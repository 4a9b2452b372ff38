package io.botburrow.llm.resilience;

import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds retries (retryable errors only, exponential backoff or the provider's {@code Retry-After},
 * within a total time budget) and the endpoint's circuit breaker around one provider adapter. Every
 * attempt passes the breaker, so a failing endpoint is cut off even while calls are retrying.
 */
public final class ResilientChatModel implements ChatModel {
  private static final Logger LOG = LoggerFactory.getLogger(ResilientChatModel.class);

  private final ChatModel delegate;
  private final String endpointName;
  private final LlmResilience config;
  private final RetryPolicy policy;
  private final CircuitBreaker breaker;
  private final Clock clock;

  public ResilientChatModel(ChatModel delegate, String endpointName, LlmResilience config, CircuitBreaker breaker,
      Clock clock) {
    this.delegate = delegate;
    this.endpointName = endpointName;
    this.config = config;
    this.policy = new RetryPolicy(config);
    this.breaker = breaker;
    this.clock = clock;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var retry = Retry.of(endpointName, retryConfig(clock.instant()));
    retry.getEventPublisher().onRetry(event -> LOG.warn("LLM(endpoint={}, model={}) attempt {} failed: {}; retrying in {} ms",
        endpointName, request.model(), event.getNumberOfRetryAttempts(), event.getLastThrowable().getMessage(),
        event.getWaitInterval().toMillis()));
    var guarded = CircuitBreaker.decorateSupplier(breaker, () -> delegate.chat(request));
    try {
      return Retry.decorateSupplier(retry, guarded).get();
    } catch (CallNotPermittedException e) {
      throw new CircuitOpenException(endpointName, e);
    }
  }

  /** Per call, because the time budget starts with the call. */
  private RetryConfig retryConfig(Instant start) {
    var failures = new AtomicInteger();
    IntervalBiFunction<Object> wait = (attempt, outcome) -> outcome.isLeft()
        ? policy.waitAfter(attempt, outcome.getLeft()).toMillis()
        : policy.backoff(attempt).toMillis();
    return RetryConfig.<Object>custom()
        .maxAttempts(config.maxAttempts())
        .retryOnException(error -> policy.isRetryable(error)
            && policy.fitsBudget(Duration.between(start, clock.instant()),
                policy.waitAfter(failures.incrementAndGet(), error)))
        .intervalBiFunction(wait)
        .build();
  }

  public CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  @Override
  public String toString() {
    return "ResilientChatModel[" + delegate + "]";
  }
}
