package io.botburrow.devhub.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Honours the {@code Idempotency-Key} header on API writes: the first request with a key is carried
 * out and its successful response kept; a repeat with the same key, caller and route gets that response
 * again (with {@code Idempotent-Replayed: true}) and changes nothing. A repeat that arrives while the
 * first is still being handled gets 409. A failed first request is forgotten, so its retry runs afresh.
 */
@Requires(env = "hub")
@ServerFilter(value = "/api/v1/**", methods = {HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT})
class IdempotencyFilter implements Ordered {
  static final String HEADER = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 255;
  private static final String ATTRIBUTE = "botburrow.idempotency-key";
  private final IdempotentResponses responses;

  IdempotencyFilter(IdempotentResponses responses) {
    this.responses = responses;
  }

  /** Inside the fault injection, so that a response lost after handling was still recorded. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 200;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> replay(HttpRequest<?> request) {
    String key = request.getHeaders().get(HEADER);
    if (key == null || key.isBlank()) {
      return null;
    }
    if (key.length() > MAX_KEY_LENGTH) {
      return ErrorBodies.response(ApiException.badRequest(HEADER + " must be at most " + MAX_KEY_LENGTH + " characters"));
    }
    String scoped = scope(request, key);
    IdempotentResponses.Stored first = responses.claim(scoped);
    if (first == null) {
      request.setAttribute(ATTRIBUTE, scoped);
      return null;
    }
    if (first.inFlight()) {
      return ErrorBodies.response(ApiException.conflict("A request with this " + HEADER + " is still being handled"));
    }
    return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(first.status()))
        .body(first.body())
        .header("Idempotent-Replayed", "true");
  }

  @ResponseFilter
  void remember(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request.getAttribute(ATTRIBUTE, String.class).ifPresent(scoped -> {
      int status = response.code();
      if (status >= 200 && status < 300) {
        responses.complete(scoped, status, response.getBody().orElse(null));
      } else {
        responses.forget(scoped);
      }
    });
  }

  /** Keys are the caller's own: scoped by credential, method and path. */
  private static String scope(HttpRequest<?> request, String key) {
    String credential = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    return sha256(credential == null ? "" : credential) + " " + request.getMethodName() + " " + request.getPath() + " " + key;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
