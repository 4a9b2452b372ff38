package io.botburrow.llm.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.LlmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(LlmResilience.defaults()
      .withRetries(5, Duration.ofMillis(100), Duration.ofMillis(500))
      .withMaxRetryAfter(Duration.ofSeconds(2))
      .withMaxTotalTime(Duration.ofSeconds(10)));

  @Test
  void backsOffExponentiallyUpToTheCap() {
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void honoursRetryAfterUpToItsCap() {
    var asksOne = new LlmException("429", 429, true, Duration.ofSeconds(1), null);
    var asksAMinute = new LlmException("429", 429, true, Duration.ofSeconds(60), null);

    assertThat(policy.waitAfter(1, asksOne)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.waitAfter(1, asksAMinute)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.waitAfter(2, new LlmException("500", 500, true, null))).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void retriesOnlyRetryableProviderErrorsAndNeverAnOpenCircuit() {
    assertThat(policy.isRetryable(new LlmException("503", 503, true, null))).isTrue();
    assertThat(policy.isRetryable(new LlmException("400", 400, false, null))).isFalse();
    assertThat(policy.isRetryable(new CircuitOpenException("openai:http://x", null))).isFalse();
    assertThat(policy.isRetryable(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void startsNoAttemptBeyondTheTotalTimeBudget() {
    assertThat(policy.fitsBudget(Duration.ofSeconds(8), Duration.ofSeconds(1))).isTrue();
    assertThat(policy.fitsBudget(Duration.ofSeconds(9), Duration.ofSeconds(1))).isFalse();
  }
}
