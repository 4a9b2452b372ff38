package io.botburrow.channels;

/** A platform refused a call or could not be reached; {@link #retryable()} says whether trying again may help. */
public class ChannelException extends RuntimeException {
  private final boolean retryable;

  public ChannelException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public ChannelException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
