package io.botburrow.logs;

/** The activation log store cannot be reached; retrying later may succeed. */
public class LogsUnavailableException extends RuntimeException {
  public LogsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
