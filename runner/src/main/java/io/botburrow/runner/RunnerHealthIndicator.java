package io.botburrow.runner;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/** {@code /health}: DOWN when the runner's slots cannot run or its heartbeat stopped. */
@Singleton
@Requires(env = "runner")
class RunnerHealthIndicator implements HealthIndicator {
  private final RunnerService runner;

  RunnerHealthIndicator(RunnerService runner) {
    this.runner = runner;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    String problem = runner.health().problem(runner.state());
    Map<String, Object> details = new LinkedHashMap<>(runner.health().details());
    details.put("state", runner.state().name().toLowerCase(java.util.Locale.ROOT));
    details.put("inFlight", runner.inFlight());
    if (problem != null) {
      details.put("problem", problem);
    }
    return Publishers.just(HealthResult.builder("runner", problem == null ? HealthStatus.UP : HealthStatus.DOWN)
        .details(details)
        .build());
  }
}
