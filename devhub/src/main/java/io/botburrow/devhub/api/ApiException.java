package io.botburrow.devhub.api;

/**
 * A request the Hub refuses, rendered as the Moltbook error body with a FastAPI-style {@code detail}.
 * Client errors are never retryable; the status tells the caller what to fix.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String hint;

  public ApiException(int status, String code, String message, String hint) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BAD_REQUEST", message, null);
  }

  public static ApiException badRequest(String message, String hint) {
    return new ApiException(400, "BAD_REQUEST", message, hint);
  }

  public static ApiException unauthorized(String message, String hint) {
    return new ApiException(401, "UNAUTHORIZED", message, hint);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "FORBIDDEN", message, null);
  }

  /** 404 with Moltbook's wording, e.g. {@code notFound("Post")} gives "Post not found". */
  public static ApiException notFound(String resource) {
    return new ApiException(404, "NOT_FOUND", resource + " not found", null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "CONFLICT", message, null);
  }

  /** Moltbook answers a body it cannot parse without a {@code code}. */
  public static ApiException invalidJson(String hint) {
    return new ApiException(400, null, "Invalid JSON body", hint);
  }

  /** Moltbook's catch-all for a route it does not serve, again without a {@code code}. */
  public static ApiException endpointNotFound(String method, String path) {
    return new ApiException(404, null, "Endpoint not found", method + " " + path + " does not exist");
  }

  public int status() {
    return status;
  }

  /** The Moltbook error code, or null where Moltbook sends none. */
  public String code() {
    return code;
  }

  public String hint() {
    return hint;
  }
}
