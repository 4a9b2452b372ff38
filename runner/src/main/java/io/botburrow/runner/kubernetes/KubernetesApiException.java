package io.botburrow.runner.kubernetes;

/** The API server refused a request ({@link #status()} its HTTP status) or could not be reached (status -1). */
public class KubernetesApiException extends RuntimeException {
  private final int status;

  public KubernetesApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
