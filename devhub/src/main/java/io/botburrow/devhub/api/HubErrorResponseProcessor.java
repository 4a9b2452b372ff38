package io.botburrow.devhub.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every error Micronaut produces itself (no route, wrong method, unreadable body, unhandled exception)
 * passes through here, so its default bodies never reach a client: all get the Hub's error shape.
 */
@Singleton
@Requires(env = "hub")
@Replaces(ErrorResponseProcessor.class)
class HubErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

  @Override
  public MutableHttpResponse<Map<String, Object>> processResponse(
      ErrorContext context, MutableHttpResponse<?> baseResponse) {
    ApiException error = translate(context, baseResponse.code());
    @SuppressWarnings("unchecked")
    MutableHttpResponse<Map<String, Object>> response = (MutableHttpResponse<Map<String, Object>>) baseResponse;
    return response
        .status(HttpStatus.valueOf(error.status()))
        .body(ErrorBodies.body(error))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static ApiException translate(ErrorContext context, int status) {
    HttpRequest<?> request = context.getRequest();
    // Express (Moltbook) has no 405: a known path with another method is simply not an endpoint.
    if (status == 404 || status == 405) {
      return ApiException.endpointNotFound(request.getMethodName(), request.getPath());
    }
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof JsonSyntaxException || status == 400 && isJsonError(cause)) {
      return ApiException.invalidJson("The request body must be a JSON object");
    }
    if (status == 413) {
      return new ApiException(413, "BAD_REQUEST", "Request body too large", "The limit is 1 MB");
    }
    if (status >= 500) {
      return new ApiException(status, "INTERNAL_ERROR", "Internal server error", null);
    }
    String message = context.hasErrors() ? context.getErrors().getFirst().getMessage() : "Bad request";
    return new ApiException(status, ErrorBodies.codeFor(status), message, null);
  }

  private static boolean isJsonError(Throwable cause) {
    return cause != null && cause.getClass().getName().startsWith("com.fasterxml.jackson");
  }
}
