package io.botburrow.runner;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code POST /drain}: the pod's preStop hook ({@code botburrow drain}) asks the runner to stop
 * claiming and waits until its activations have finished or the drain timeout passed. SIGTERM, which
 * follows the hook, then finds nothing or little left to release. Only callers on the pod's own
 * loopback are served: the port is reachable in the cluster for Prometheus.
 */
@Controller
@Requires(env = "runner")
@ExecuteOn(TaskExecutors.BLOCKING)
class DrainController {
  private final RunnerService runner;

  DrainController(RunnerService runner) {
    this.runner = runner;
  }

  @Post(uri = "/drain", produces = MediaType.APPLICATION_JSON)
  HttpResponse<Map<String, Object>> drain(HttpRequest<?> request) {
    if (!request.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return HttpResponse.<Map<String, Object>>status(io.micronaut.http.HttpStatus.FORBIDDEN)
          .body(Map.of("error", "drain is served to the pod's own loopback only"));
    }
    runner.drain();
    boolean idle = runner.awaitDrained();
    return HttpResponse.ok(Map.of("runner", runner.id(), "state", runner.state().name().toLowerCase(java.util.Locale.ROOT),
        "idle", idle, "in_flight", runner.inFlight()));
  }
}
