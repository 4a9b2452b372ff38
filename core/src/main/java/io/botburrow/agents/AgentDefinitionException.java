package io.botburrow.agents;

/** Base of the failures of {@link AgentDefinitionStore}; {@link #retryable()} tells whether to try again. */
public abstract class AgentDefinitionException extends RuntimeException {

  protected AgentDefinitionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the same call may succeed later without anyone changing the bucket. */
  public abstract boolean retryable();
}
