package io.botburrow.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.LlmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeploymentFailuresTest {
  private final DeploymentFailures failures = new DeploymentFailures(Duration.ofSeconds(5));

  private static LlmException failure(String message, int status, boolean retryable, Duration retryAfter) {
    return new LlmException(message, status, retryable, retryAfter, null);
  }

  @Test
  void aRetryAfterWithinTheLimitIsWaitedOutOnceAndALongerOneGivesTheDeploymentUp() {
    var soon = failure("rate limited", 429, true, Duration.ofSeconds(2));

    assertThat(failures.retryWait(soon, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(failures.retryWait(soon, 1)).isNull();
    assertThat(failures.retryWait(failure("rate limited", 429, true, Duration.ofSeconds(6)), 0)).isNull();
  }

  @Test
  void aTransientFailureIsTriedAgainAfterADoublingBackoffButA429WithoutRetryAfterAndARefusalAreNot() {
    var boom = failure("boom", 500, true, null);

    assertThat(failures.retryWait(boom, 0)).isEqualTo(Duration.ofMillis(250));
    assertThat(failures.retryWait(boom, 1)).isEqualTo(Duration.ofMillis(500));
    assertThat(failures.retryWait(boom, DeploymentFailures.TRANSIENT_RETRIES)).isNull();
    assertThat(failures.retryWait(failure("slow down", 429, true, null), 0)).isNull();
    assertThat(failures.retryWait(failure("bad request", 400, false, null), 0)).isNull();
  }

  @Test
  void theFallbackReasonNamesTheKindOfFailure() {
    assertThat(DeploymentFailures.reason(failure("x", 429, true, null))).isEqualTo("rate_limited");
    assertThat(DeploymentFailures.reason(failure("x", 503, true, null))).isEqualTo("server_error");
    assertThat(DeploymentFailures.reason(failure("request timed out", 0, true, null))).isEqualTo("timeout");
    assertThat(DeploymentFailures.reason(failure("stream broken", 0, true, null))).isEqualTo("stream_error");
    assertThat(DeploymentFailures.reason(failure(null, 0, true, null))).isEqualTo("unreachable");
    assertThat(DeploymentFailures.reason(failure("conflict", 409, true, null))).isEqualTo("status_409");
  }
}
