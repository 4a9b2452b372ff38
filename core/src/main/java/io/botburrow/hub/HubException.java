package io.botburrow.hub;

/**
 * A Hub call failed. {@link #retryable()} is true for connection failures, 429 and 5xx; a 4xx is
 * permanent.
 */
public class HubException extends RuntimeException {
  private final int status;

  public HubException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }

  public boolean notFound() {
    return status == 404;
  }
}
