package io.botburrow.llm;

/** A chat model call failed. {@code retryable} tells whether trying again later may succeed. */
public class LlmException extends RuntimeException {
  private final int status;
  private final boolean retryable;

  public LlmException(String message, int status, boolean retryable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
  }

  /** HTTP status from the provider, or 0 when no response was received. */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }
}
