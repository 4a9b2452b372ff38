package io.botburrow.devkit.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.Lease;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue benchmarks' load: producer threads enqueue no-op notification activations in batches, as a
 * coordinator does after a Hub poll, while runner slots (threads) claim them and complete each with their next
 * claim, as a runner's slots do. The backlog stays bounded, as real Hub traffic keeps it, instead of flooding
 * Redis with enqueues of agents that already have work pending.
 */
final class QueueDriver implements AutoCloseable {
  private static final int ENQUEUE_BATCH = 50;
  private static final int BACKLOG_PER_SLOT = 64;
  private static final String RUNNER_ID = "bench-runner";

  /** Activations completed over a measured window, and this JVM's CPU meanwhile. */
  record Window(long activations, double seconds, long cpuNanos) {
    double perSecond() {
      return activations / seconds;
    }

    double cpuMicrosPerActivation() {
      return cpuNanos / 1e3 / Math.max(1, activations);
    }

    double cpuPercent() {
      return 100.0 * cpuNanos / 1e9 / seconds;
    }
  }

  private final Clock clock = Clock.systemUTC();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder enqueued = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final List<Thread> threads = new ArrayList<>();
  private final int agents;
  private final int producers;
  private final int backlog;

  /** Starts the producers and slots against {@code queue} (enqueueing with {@code token}) and {@code claims}. */
  QueueDriver(ActivationQueue queue, ActivationClaims claims, long token, int agents, int slots, int producers) {
    this.agents = agents;
    this.producers = producers;
    this.backlog = Math.min(agents / 2, BACKLOG_PER_SLOT * slots);
    for (int p = 0; p < producers; p++) {
      int offset = p;
      threads.add(Thread.ofPlatform().name("bench-producer-" + p).start(() -> produce(queue, token, offset)));
    }
    for (int s = 0; s < slots; s++) {
      threads.add(Thread.ofPlatform().name("bench-slot-" + s).start(() -> consume(claims)));
    }
  }

  /**
   * Waits out {@code warmup} (the JIT needs a while on a busy 2-core machine; measuring earlier measures the
   * compiler), then measures over {@code duration}.
   */
  Window measure(Duration warmup, Duration duration) {
    return measure(warmup, duration, () -> {});
  }

  /** As {@link #measure(Duration, Duration)}, running {@code atStart} as the measured window opens. */
  Window measure(Duration warmup, Duration duration, Runnable atStart) {
    pause(warmup);
    atStart.run();
    long before = completed.sum();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    pause(duration);
    long done = completed.sum() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Window(done, seconds, processCpuNanos() - cpuBefore);
  }

  /** Stops the threads and waits for them. */
  @Override
  public void close() {
    running.set(false);
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void produce(ActivationQueue queue, long token, int offset) {
    int agent = offset;
    while (running.get()) {
      if (enqueued.sum() - completed.sum() >= backlog) {
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      List<Activation> batch = new ArrayList<>(ENQUEUE_BATCH);
      for (int i = 0; i < ENQUEUE_BATCH; i++) {
        batch.add(Activation.notification("agent-" + agent, "benchmark", List.of("n-" + agent), clock.instant()));
        agent = (agent + producers) % agents;
      }
      for (EnqueueResult result : queue.enqueueAll(batch, token)) {
        if (result == EnqueueResult.ENQUEUED) {
          enqueued.increment();
        }
      }
    }
  }

  private void consume(ActivationClaims claims) {
    Optional<Lease> lease = Optional.empty();
    while (running.get()) {
      if (lease.isPresent()) {
        lease = claims.completeAndClaim(lease.get(), RunnerPool.HYBRID, RUNNER_ID, Duration.ofMillis(100));
        completed.increment();
      } else {
        lease = claims.claim(RunnerPool.HYBRID, RUNNER_ID, Duration.ofMillis(100));
      }
    }
    lease.ifPresent(claims::complete);
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
