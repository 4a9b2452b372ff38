package io.botburrow.coordinator;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The coordinator's meters: enqueues, queue depth and age per pool, and leader state. */
public class CoordinatorMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger leader = new AtomicInteger();

  public CoordinatorMetrics(MeterRegistry registry, ActivationQueue queue, QueueAdmin admin, String instanceId) {
    this.registry = registry;
    Gauge.builder("botburrow.coordinator.leader", leader, AtomicInteger::get)
        .description("1 while this coordinator instance is the leader")
        .tag("instance", instanceId)
        .register(registry);
    for (RunnerPool pool : RunnerPool.values()) {
      Gauge.builder("botburrow.runner.queue.depth", () -> depth(queue, pool))
          .description("Pending activations claimable by the pool")
          .tag("pool", pool.wireName())
          .register(registry);
    }
    FunctionCounter.builder("botburrow.queue.redeliveries", admin, a -> counter(a, QueueCounters::redeliveries))
        .description("Activations delivered again after a failure or an expired lease")
        .register(registry);
    FunctionCounter.builder("botburrow.queue.lease.expirations", admin, a -> counter(a, QueueCounters::leaseExpirations))
        .description("Leases that expired because their runner stopped renewing them")
        .register(registry);
    FunctionCounter.builder("botburrow.queue.dead.letters", admin, a -> counter(a, QueueCounters::deadLetters))
        .description("Activations moved to the dead-letter list")
        .register(registry);
    Gauge.builder("botburrow.queue.circuits.open", admin, a -> safe(() -> a.openCircuits().size()))
        .description("Agents whose failure circuit is open")
        .register(registry);
    Gauge.builder("botburrow.queue.running", admin, a -> safe(() -> a.runningLeases().size()))
        .description("Activations running under a lease")
        .register(registry);
    for (ActivationKind kind : ActivationKind.values()) {
      Gauge.builder("botburrow.queue.oldest.age", () -> oldest(queue, kind))
          .description("Age of the oldest pending activation")
          .tag("kind", kind.wireName())
          .baseUnit("seconds")
          .register(registry);
    }
  }

  public void enqueued(String kind, EnqueueResult result) {
    Counter.builder("botburrow.coordinator.enqueues")
        .description("Enqueue attempts by outcome")
        .tag("kind", kind)
        .tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
  }

  public void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  private static double counter(QueueAdmin admin, java.util.function.ToLongFunction<QueueCounters> field) {
    return safe(() -> field.applyAsLong(admin.counters()));
  }

  private static double safe(java.util.function.Supplier<Number> value) {
    try {
      return value.get().doubleValue();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  static double depth(ActivationQueue queue, RunnerPool pool) {
    try {
      return queue.depth(pool);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  static double oldest(ActivationQueue queue, ActivationKind kind) {
    try {
      return queue.oldestAge(kind).map(Duration::toMillis).orElse(0L) / 1000.0;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
