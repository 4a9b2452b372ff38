package io.botburrow.llm.resilience;

import io.botburrow.llm.LlmException;

/**
 * The endpoint's circuit is open after repeated failures: the call was not sent. Retryable later (or
 * on a fallback model), but not retried in place.
 */
public class CircuitOpenException extends LlmException {
  public CircuitOpenException(String endpointName, Throwable cause) {
    super("circuit open for " + endpointName + ": recent calls kept failing, not calling it for now", 0, true, cause);
  }
}
