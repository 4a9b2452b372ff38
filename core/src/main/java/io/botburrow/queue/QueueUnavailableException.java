package io.botburrow.queue;

/** The queue backend could not be reached or answered with a transient error. Retryable. */
public class QueueUnavailableException extends RuntimeException {
  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
