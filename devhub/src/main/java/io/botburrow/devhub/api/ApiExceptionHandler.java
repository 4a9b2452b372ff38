package io.botburrow.devhub.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders a refused request; no logging, because the client is told. */
@Produces
@Singleton
@Requires(env = "hub")
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
    return ErrorBodies.response(exception);
  }
}
