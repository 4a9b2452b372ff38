package io.botburrow.runner.sandbox;

/** The sandbox could not be created or used. */
public class SandboxException extends RuntimeException {
  private final boolean retryable;

  public SandboxException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public SandboxException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  /** True when the failure is transient (engine busy or unreachable), false for a bad image or request. */
  public boolean retryable() {
    return retryable;
  }
}
