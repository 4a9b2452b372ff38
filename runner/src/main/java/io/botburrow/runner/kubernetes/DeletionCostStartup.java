package io.botburrow.runner.kubernetes;

import io.botburrow.runner.RunnerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the {@link DeletionCostReporter} when {@code botburrow.runner.kubernetes.deletion-cost=true}
 * and the runner runs in a cluster; outside one it says so once and does nothing.
 */
@Singleton
@Requires(env = "runner")
@Requires(property = "botburrow.runner.kubernetes.deletion-cost", value = "true")
class DeletionCostStartup {
  private static final Logger LOG = LoggerFactory.getLogger(DeletionCostStartup.class);
  private final KubernetesProperties props;
  private final RunnerService runner;
  private final String runnerId;
  private final MeterRegistry registry;
  private final Clock clock;
  private DeletionCostReporter reporter;

  DeletionCostStartup(KubernetesProperties props, RunnerService runner, @Named("runnerId") String runnerId,
      MeterRegistry registry, Clock clock) {
    this.props = props;
    this.runner = runner;
    this.runnerId = runnerId;
    this.registry = registry;
    this.clock = clock;
  }

  @EventListener
  synchronized void onStartup(StartupEvent event) {
    Optional<InCluster> cluster = InCluster.detect(System.getenv(), InCluster.SERVICE_ACCOUNT, props.namespace());
    if (cluster.isEmpty()) {
      LOG.warn("botburrow.runner.kubernetes.deletion-cost is on but KUBERNETES_SERVICE_HOST is unset: not in a cluster, "
          + "the pod's deletion cost is left alone");
      return;
    }
    String pod = props.podName() != null && !props.podName().isBlank() ? props.podName() : runnerId;
    reporter = new DeletionCostReporter(PodApi.of(cluster.get()), cluster.get().namespace(), pod,
        runner::oldestRunningSince, clock, props.deletionCostInterval(), registry);
    reporter.start();
  }

  @PreDestroy
  synchronized void stop() {
    if (reporter != null) {
      reporter.close();
    }
  }
}
