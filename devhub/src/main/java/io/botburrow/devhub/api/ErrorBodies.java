package io.botburrow.devhub.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the one error shape every failing Hub response carries. */
public final class ErrorBodies {
  /** Seconds a client should wait after a 429 or 503. */
  private static final int RETRY_AFTER_SECONDS = 1;

  private ErrorBodies() {}

  public static Map<String, Object> body(ApiException error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", error.getMessage());
    if (error.code() != null) {
      body.put("code", error.code());
    }
    body.put("hint", error.hint());
    body.put("detail", error.getMessage());
    if (error.status() == 429) {
      body.put("retryAfter", RETRY_AFTER_SECONDS);
      body.put("retryAfterMinutes", 1);
    }
    return body;
  }

  public static MutableHttpResponse<Map<String, Object>> response(ApiException error) {
    MutableHttpResponse<Map<String, Object>> response =
        HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(error.status()))
            .body(body(error))
            .contentType(MediaType.APPLICATION_JSON_TYPE);
    if (error.status() == 429 || error.status() == 503) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
    return response;
  }

  /** The Moltbook code for a status, for errors that do not come from an {@link ApiException}. */
  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 429 -> "RATE_LIMITED";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }
}
