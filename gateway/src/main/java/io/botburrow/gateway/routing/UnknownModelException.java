package io.botburrow.gateway.routing;

import io.botburrow.llm.LlmException;

/** The requested model is no alias, deployment or endpoint model the operator configured. Not retryable. */
public class UnknownModelException extends LlmException {
  public UnknownModelException(String model, java.util.Collection<String> known) {
    super("The model '" + model + "' does not exist on this gateway; configured: " + String.join(", ", known), 404, false,
        null);
  }
}
