package io.botburrow.runner.kubernetes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the runner's own pod's deletion cost current (see {@link DeletionCost}): checks every
 * {@link DeletionCost#MIN_GAP}, patches only when due. A failure is counted in
 * {@code botburrow.runner.deletion.cost.failures} and logged once until a patch succeeds again:
 * scale-in then only loses its preference for idle pods, the preStop drain still protects the work.
 */
public final class DeletionCostReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeletionCostReporter.class);
  private final PodApi api;
  private final String namespace;
  private final String pod;
  private final Supplier<Optional<Instant>> oldestRunningSince;
  private final Clock clock;
  private final Duration interval;
  private final Counter failures;
  private final AtomicInteger current = new AtomicInteger(-1);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("deletion-cost").factory());
  private OptionalInt applied = OptionalInt.empty();
  private Instant lastAttempt;
  private boolean failing;

  public DeletionCostReporter(PodApi api, String namespace, String pod, Supplier<Optional<Instant>> oldestRunningSince,
      Clock clock, Duration interval, MeterRegistry registry) {
    this.api = api;
    this.namespace = namespace;
    this.pod = pod;
    this.oldestRunningSince = oldestRunningSince;
    this.clock = clock;
    this.interval = interval;
    this.failures = Counter.builder("botburrow.runner.deletion.cost.failures")
        .description("Patches of this runner pod's pod-deletion-cost the Kubernetes API refused or did not answer")
        .register(registry);
    Gauge.builder("botburrow.runner.deletion.cost", current, AtomicInteger::get)
        .description("The pod-deletion-cost this runner's pod carries (-1 before the first patch)")
        .register(registry);
  }

  public void start() {
    long every = DeletionCost.MIN_GAP.toMillis();
    timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    LOG.info("Pod(name={}, namespace={}) deletion cost kept current: 0 idle, else the age of the oldest activation",
        pod, namespace);
  }

  /** One check; never throws (an exception would end the schedule). */
  synchronized void tick() {
    try {
      Instant now = clock.instant();
      int next = DeletionCost.of(oldestRunningSince.get(), now);
      if (!DeletionCost.due(applied, lastAttempt, failing, next, now, interval)) {
        return;
      }
      lastAttempt = now;
      api.annotate(namespace, pod, Map.of(DeletionCost.ANNOTATION, Integer.toString(next)));
      applied = OptionalInt.of(next);
      current.set(next);
      if (failing) {
        LOG.info("Pod(name={}) deletion cost updated again: {}", pod, next);
      }
      failing = false;
    } catch (RuntimeException e) {
      failures.increment();
      if (!failing) {
        LOG.warn("Pod(name={}) deletion cost not updated, retrying every {} s (further failures only counted): {}",
            pod, interval.toSeconds(), e.getMessage());
      } else {
        LOG.debug("Pod(name={}) deletion cost still not updated: {}", pod, e.getMessage());
      }
      failing = true;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
