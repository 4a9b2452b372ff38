package io.botburrow.devkit.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.RedisActivationClaims;
import io.botburrow.queue.redis.RedisActivationQueue;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RedissonClient;

/**
 * Throughput of the activation queue on this machine: producers enqueue no-op activations across
 * many agents while runner slots claim and complete them. Prints
 * {@code queue-throughput: <N> activations/s (redis-benchmark baseline <M> requests/s)}, the
 * baseline measured against the same server in the same run.
 *
 * <p>Usage: {@code QueueBenchmark [--url=redis://host:port] [--agents=2000] [--slots=16]
 * [--producers=2] [--seconds=10]}. Without {@code --url} a local redis-server is started.
 */
public final class QueueBenchmark {
  private static final int ENQUEUE_BATCH = 50;
  private static final int BACKLOG_PER_SLOT = 64;

  /** Benchmark parameters. */
  public record Options(String url, int agents, int slots, int producers, Duration duration) {
    public static Options parse(String... args) {
      String url = null;
      int agents = 2_000;
      int slots = 16;
      int producers = 2;
      int seconds = 10;
      for (String arg : args) {
        String[] pair = arg.replaceFirst("^--", "").split("=", 2);
        String value = pair.length == 2 ? pair[1] : "";
        switch (pair[0]) {
          case "url" -> url = value;
          case "agents" -> agents = Integer.parseInt(value);
          case "slots" -> slots = Integer.parseInt(value);
          case "producers" -> producers = Integer.parseInt(value);
          case "seconds" -> seconds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(url, agents, slots, producers, Duration.ofSeconds(seconds));
    }
  }

  /** What a run measured. */
  public record Result(double activationsPerSecond, OptionalDouble baselineRequestsPerSecond) {
    public String line() {
      String baseline =
          baselineRequestsPerSecond.isPresent() ? String.format("%.0f", baselineRequestsPerSecond.getAsDouble()) : "n/a";
      return String.format(
          "queue-throughput: %.0f activations/s (redis-benchmark baseline %s requests/s)", activationsPerSecond, baseline);
    }
  }

  private QueueBenchmark() {}

  public static void main(String[] args) {
    System.out.println(run(Options.parse(args), System.err).line());
  }

  /** Runs the benchmark; progress goes to {@code log}. */
  public static Result run(Options options, PrintStream log) {
    if (options.url() != null) {
      URI uri = URI.create(options.url());
      return measure(options, uri.getHost(), uri.getPort(), log);
    }
    try (LocalRedis redis = LocalRedis.start()) {
      return measure(new Options(redis.url(), options.agents(), options.slots(), options.producers(), options.duration()),
          "127.0.0.1", redis.port(), log);
    }
  }

  private static Result measure(Options options, String host, int port, PrintStream log) {
    log.println("redis-benchmark -q -t lpush,rpop -n 200000 against " + host + ":" + port);
    OptionalDouble baseline =
        RedisBaseline.available() ? RedisBaseline.measure(host, port, 200_000) : OptionalDouble.empty();
    log.printf("queue: %d agents, %d runner slots, %d producers, %s%n",
        options.agents(), options.slots(), options.producers(), options.duration());
    double throughput = runQueue(options, log);
    return new Result(throughput, baseline);
  }

  private static double runQueue(Options options, PrintStream log) {
    RedisProperties properties =
        RedisProperties.forUrl(options.url())
            .withKeyPrefix("bench:" + System.nanoTime() + ":")
            .withConnections(Integer.getInteger("bench.connections", 32), Integer.getInteger("bench.nettyThreads", 8));
    RedissonClient client = RedissonFactory.createClient(properties);
    Clock clock = Clock.systemUTC();
    RedisQueueKeys keys = new RedisQueueKeys(properties.keyPrefix());
    QueueSettings settings = properties.queueSettings();
    RedisActivationQueue queue = new RedisActivationQueue(client, keys, settings, clock);
    try (RedisActivationClaims claims = new RedisActivationClaims(client, keys, settings, clock)) {
      AtomicBoolean running = new AtomicBoolean(true);
      Counters counters = new Counters(new LongAdder(), new LongAdder());
      LongAdder completed = counters.completed();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < options.producers(); p++) {
        int offset = p;
        threads.add(Thread.ofPlatform().name("bench-producer-" + p)
            .start(() -> produce(queue, clock, options, offset, counters, running)));
      }
      for (int s = 0; s < options.slots(); s++) {
        threads.add(Thread.ofPlatform().name("bench-slot-" + s)
            .start(() -> consume(claims, running, completed)));
      }
      Duration warmup = Duration.ofSeconds(2);
      pause(warmup);
      long before = completed.sum();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      pause(options.duration());
      long done = completed.sum() - before;
      double seconds = (System.nanoTime() - start) / 1e9;
      log.printf("queue: %d activations in %.1f s, benchmark JVM CPU %.0f us per activation%n",
          done, seconds, (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, done));
      running.set(false);
      threads.forEach(QueueBenchmark::join);
      return done / seconds;
    } finally {
      client.getKeys().deleteByPattern(properties.keyPrefix() + "*");
      client.shutdown();
    }
  }

  /**
   * Like a coordinator after a Hub poll: a batch of agents with new notifications per call. Keeps
   * the backlog bounded, as real Hub traffic would, instead of flooding Redis with enqueues of
   * agents that already have work pending.
   */
  private static void produce(
      ActivationQueue queue, Clock clock, Options options, int offset, Counters counters, AtomicBoolean running) {
    int agent = offset;
    int backlog = Math.min(options.agents() / 2, BACKLOG_PER_SLOT * options.slots());
    while (running.get()) {
      if (counters.enqueued().sum() - counters.completed().sum() >= backlog) {
        LockSupport.parkNanos(1_000_000);
        continue;
      }
      List<Activation> batch = new ArrayList<>(ENQUEUE_BATCH);
      for (int i = 0; i < ENQUEUE_BATCH; i++) {
        batch.add(Activation.notification("agent-" + agent, "benchmark", List.of("n-" + agent), clock.instant()));
        agent = (agent + options.producers()) % options.agents();
      }
      queue.enqueueAll(batch, 1).stream().filter(EnqueueResult.ENQUEUED::equals).forEach(r -> counters.enqueued().increment());
    }
  }

  private record Counters(LongAdder enqueued, LongAdder completed) {}

  private static void consume(ActivationClaims claims, AtomicBoolean running, LongAdder completed) {
    String runner = "bench-runner";
    while (running.get()) {
      claims.claim(RunnerPool.HYBRID, runner, Duration.ofMillis(100)).ifPresent(lease -> {
        claims.complete(lease);
        completed.increment();
      });
    }
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
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
