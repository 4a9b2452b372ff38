package io.botburrow.agents;

/** The definition store could not be reached or answered with a transient error. Retryable. */
public class AgentStoreUnavailableException extends AgentDefinitionException {

  public AgentStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
