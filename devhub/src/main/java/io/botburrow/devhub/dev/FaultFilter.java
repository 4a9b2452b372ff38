package io.botburrow.devhub.dev;

import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.ErrorBodies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Clock;

/** While a fault is injected every API route but the fault switch itself answers the fault status. */
@Requires(env = "hub")
@ServerFilter("/api/v1/**")
class FaultFilter {
  private final Faults faults;
  private final Clock clock;

  FaultFilter(Faults faults, Clock clock) {
    this.faults = faults;
    this.clock = clock;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> inject(HttpRequest<?> request) {
    if (request.getPath().startsWith(DevController.FAULTS_PATH)) {
      return null;
    }
    return faults.active(clock.instant())
        .map(fault -> ErrorBodies.response(new ApiException(fault.status(), ErrorBodies.codeFor(fault.status()),
            "Injected fault", "DELETE " + DevController.FAULTS_PATH + " clears it")))
        .orElse(null);
  }
}
