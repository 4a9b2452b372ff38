package io.botburrow.llm.wire;

/**
 * A request a provider refuses (400 unless said otherwise) before any model sees it; carries the fields of the
 * provider's error body.
 */
public final class InvalidRequestException extends RuntimeException {
  private final String param;
  private final String code;
  private final int status;

  public InvalidRequestException(String message, String param, String code) {
    this(400, message, param, code);
  }

  public InvalidRequestException(int status, String message, String param, String code) {
    super(message);
    this.status = status;
    this.param = param;
    this.code = code;
  }

  /** The offending parameter's path, or null. */
  public String param() {
    return param;
  }

  /** The provider's error code, or null. */
  public String code() {
    return code;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }
}
