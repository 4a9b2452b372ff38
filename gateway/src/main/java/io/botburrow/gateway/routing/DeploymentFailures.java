package io.botburrow.gateway.routing;

import io.botburrow.llm.LlmException;
import java.time.Duration;

/**
 * What a deployment's failure leads to: how long to wait before trying the same deployment again (or
 * giving up on it), and the reason metrics give for falling back from it. Pure.
 */
final class DeploymentFailures {
  /** Tries of a deployment after a transient failure without Retry-After, before it rests. */
  static final int TRANSIENT_RETRIES = 2;
  private static final Duration TRANSIENT_BACKOFF = Duration.ofMillis(250);

  private final Duration maxRetryWait;

  DeploymentFailures(Duration maxRetryWait) {
    this.maxRetryWait = maxRetryWait;
  }

  /** How long to wait before trying the same deployment again, or null to give up on it. */
  Duration retryWait(LlmException e, int retriesDone) {
    if (!e.retryable()) {
      return null;
    }
    var wait = e.retryAfter().orElse(null);
    if (wait != null) {
      return retriesDone == 0 && wait.compareTo(maxRetryWait) <= 0 ? wait : null;
    }
    if (e.status() == 429 || retriesDone >= TRANSIENT_RETRIES) {
      return null;
    }
    return TRANSIENT_BACKOFF.multipliedBy(1L << retriesDone);
  }

  /** The fallback reason of a retryable failure, as metrics name it. */
  static String reason(LlmException e) {
    if (e.status() == 429) {
      return "rate_limited";
    }
    if (e.status() >= 500) {
      return "server_error";
    }
    var message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("timed out")) {
      return "timeout";
    }
    if (message.contains("stream")) {
      return "stream_error";
    }
    return e.status() == 0 ? "unreachable" : "status_" + e.status();
  }
}
