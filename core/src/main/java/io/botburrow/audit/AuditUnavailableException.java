package io.botburrow.audit;

/** The audit store could not be reached or refused a request; transient, the cause is kept. */
public class AuditUnavailableException extends RuntimeException {
  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
