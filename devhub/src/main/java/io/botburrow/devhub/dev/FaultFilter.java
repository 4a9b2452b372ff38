package io.botburrow.devhub.dev;

import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.ErrorBodies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * While a fault is injected, matching API routes (every one but the fault switch itself) answer the
 * fault status: before they are handled, or, for an after-handling fault, once they were carried out
 * (the response is lost or held past the caller's timeout). Runs outside every other filter.
 */
@Requires(env = "hub")
@ServerFilter("/api/v1/**")
class FaultFilter implements Ordered {
  private final Faults faults;
  private final Clock clock;

  FaultFilter(Faults faults, Clock clock) {
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 100;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> inject(HttpRequest<?> request) {
    if (request.getPath().startsWith(DevController.FAULTS_PATH)) {
      return null;
    }
    return faults.strike(clock.instant(), request.getMethodName(), request.getPath(), false)
        .map(fault -> faultResponse(fault.status()))
        .orElse(null);
  }

  @ResponseFilter
  CompletableFuture<MutableHttpResponse<?>> afterHandling(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getPath().startsWith(DevController.FAULTS_PATH)) {
      return CompletableFuture.completedFuture(response);
    }
    return faults.strike(clock.instant(), request.getMethodName(), request.getPath(), true)
        .map(fault -> fault.delay().isZero()
            ? CompletableFuture.<MutableHttpResponse<?>>completedFuture(faultResponse(fault.status()))
            : CompletableFuture.<MutableHttpResponse<?>>supplyAsync(() -> faultResponse(fault.status()),
                CompletableFuture.delayedExecutor(fault.delay().toMillis(), TimeUnit.MILLISECONDS)))
        .orElseGet(() -> CompletableFuture.completedFuture(response));
  }

  private static MutableHttpResponse<?> faultResponse(int status) {
    return ErrorBodies.response(new ApiException(status, ErrorBodies.codeFor(status),
        "Injected fault", "DELETE " + DevController.FAULTS_PATH + " clears it"));
  }
}
