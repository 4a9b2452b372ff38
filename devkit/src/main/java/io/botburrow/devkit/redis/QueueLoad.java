package io.botburrow.devkit.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.RedisActivationClaims;
import io.botburrow.queue.redis.RedisActivationQueue;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The benchmark's load: producer threads enqueue no-op notification activations in batches, as a
 * coordinator does after a Hub poll, while runner slots (threads) claim and complete them.
 */
final class QueueLoad {
  private static final int ENQUEUE_BATCH = 50;
  private static final int BACKLOG_PER_SLOT = 64;
  private static final String RUNNER_ID = "bench-runner";

  /** What was measured after the warm-up. */
  record Measurement(long activations, double seconds, double cpuMicrosPerActivation) {
    double perSecond() {
      return activations / seconds;
    }
  }

  private final QueueBenchmark.Options options;
  private final Clock clock = Clock.systemUTC();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder enqueued = new LongAdder();
  private final LongAdder completed = new LongAdder();

  QueueLoad(QueueBenchmark.Options options) {
    this.options = options;
  }

  Measurement run() {
    RedisProperties properties =
        RedisProperties.forUrl(options.url()).withKeyPrefix("bench:" + System.nanoTime() + ":");
    RedissonClient client = RedissonFactory.createClient(properties);
    RedisQueueKeys keys = new RedisQueueKeys(properties.keyPrefix());
    QueueSettings settings = properties.queueSettings();
    RedisActivationQueue queue = new RedisActivationQueue(client, keys, settings, clock);
    // the term a leader election would start: the queue accepts only the current term's token
    client.getBucket(keys.fencingCounter(), StringCodec.INSTANCE).set("1");
    try (RedisActivationClaims claims = new RedisActivationClaims(client, keys, settings, clock)) {
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < options.producers(); p++) {
        int offset = p;
        threads.add(Thread.ofPlatform().name("bench-producer-" + p).start(() -> produce(queue, offset)));
      }
      for (int s = 0; s < options.slots(); s++) {
        threads.add(Thread.ofPlatform().name("bench-slot-" + s).start(() -> consume(claims)));
      }
      // the JIT needs a while on a busy 2-core machine; measuring earlier measures the compiler
      pause(options.warmup());
      Measurement measurement = measure();
      running.set(false);
      threads.forEach(QueueLoad::join);
      return measurement;
    } finally {
      client.getKeys().deleteByPattern(properties.keyPrefix() + "*");
      client.shutdown();
    }
  }

  private Measurement measure() {
    long before = completed.sum();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    pause(options.duration());
    long done = completed.sum() - before;
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measurement(done, seconds, (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, done));
  }

  /**
   * Keeps the backlog bounded, as real Hub traffic would, instead of flooding Redis with enqueues
   * of agents that already have work pending.
   */
  private void produce(ActivationQueue queue, int offset) {
    int agent = offset;
    int backlog = Math.min(options.agents() / 2, BACKLOG_PER_SLOT * options.slots());
    while (running.get()) {
      if (enqueued.sum() - completed.sum() >= backlog) {
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      List<Activation> batch = new ArrayList<>(ENQUEUE_BATCH);
      for (int i = 0; i < ENQUEUE_BATCH; i++) {
        batch.add(Activation.notification("agent-" + agent, "benchmark", List.of("n-" + agent), clock.instant()));
        agent = (agent + options.producers()) % options.agents();
      }
      for (EnqueueResult result : queue.enqueueAll(batch, 1)) {
        if (result == EnqueueResult.ENQUEUED) {
          enqueued.increment();
        }
      }
    }
  }

  // as a runner's slot does: the finished activation's completion goes with the next claim
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

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
