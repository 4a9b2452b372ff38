package io.botburrow.devkit.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.Lease;
import io.botburrow.queue.redis.QueueShards;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.queue.redis.ShardedRedisQueue;
import io.botburrow.redis.RedisClusterProperties;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.redis.RedissonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Throughput of the sharded activation queue on a real 3-primary Redis Cluster on loopback: the same load
 * (producers enqueueing no-op notifications in batches, runner slots claiming and completing them) against the
 * queue with 3 shards, then with 1. Prints {@code queue-sharded: 3 shards X activations/s (1 shard Y/s)}, and on
 * the log the CPU each redis-server and this JVM used, which tells what saturated.
 *
 * <p>Usage: {@code ShardedQueueBenchmark [--agents=2000] [--slots=16] [--producers=2] [--warmup=5]
 * [--seconds=10]}.
 */
public final class ShardedQueueBenchmark {
  private static final int ENQUEUE_BATCH = 50;
  private static final int BACKLOG_PER_SLOT = 64;
  private static final String RUNNER_ID = "bench-runner";
  private static final long TOKEN = 1;
  private static final double CLOCK_TICKS = 100.0; // USER_HZ, as /proc/<pid>/stat counts

  /** Benchmark parameters. */
  public record Options(int agents, int slots, int producers, Duration warmup, Duration duration) {
    public Options {
      if (agents < 1 || slots < 1 || producers < 1) {
        throw new IllegalArgumentException("agents, slots and producers must be positive");
      }
    }

    public static Options parse(String... args) {
      int agents = 2_000;
      int slots = 16;
      int producers = 2;
      int warmup = 5;
      int seconds = 10;
      for (String arg : args) {
        String[] pair = arg.replaceFirst("^--", "").split("=", 2);
        String value = pair.length == 2 ? pair[1] : "";
        switch (pair[0]) {
          case "agents" -> agents = Integer.parseInt(value);
          case "slots" -> slots = Integer.parseInt(value);
          case "producers" -> producers = Integer.parseInt(value);
          case "warmup" -> warmup = Integer.parseInt(value);
          case "seconds" -> seconds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(agents, slots, producers, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
    }
  }

  /** One measured configuration. */
  public record Run(int shards, double activationsPerSecond, List<Double> redisCpuPercent, double jvmCpuPercent) {}

  /** Both runs. */
  public record Result(Run sharded, Run single) {
    public String line() {
      return String.format("queue-sharded: %d shards %.0f activations/s (1 shard %.0f/s)",
          sharded.shards(), sharded.activationsPerSecond(), single.activationsPerSecond());
    }
  }

  private ShardedQueueBenchmark() {}

  public static void main(String[] args) {
    System.out.println(run(Options.parse(args), System.err).line());
  }

  /** Starts the cluster, measures 3 shards then 1 shard; progress and CPU figures go to {@code log}. */
  public static Result run(Options options, PrintStream log) {
    try (LocalRedisCluster cluster = LocalRedisCluster.start(3)) {
      log.printf("queue-sharded: 3-primary cluster on %s, %d agents, %d runner slots, %d producers, %d s warm-up,"
              + " %d s measured, %d cores%n", cluster.nodeAddresses(), options.agents(), options.slots(),
          options.producers(), options.warmup().toSeconds(), options.duration().toSeconds(),
          Runtime.getRuntime().availableProcessors());
      Run sharded = measure(cluster, 3, options, log);
      Run single = measure(cluster, 1, options, log);
      return new Result(sharded, single);
    }
  }

  private static Run measure(LocalRedisCluster cluster, int shards, Options options, PrintStream log) {
    String prefix = "{bench" + System.nanoTime() + "}:";
    RedisProperties properties = RedisProperties.defaults().withKeyPrefix(prefix);
    RedissonClient client = RedissonFactory.createClient(
        properties, RedisSentinelProperties.none(), RedisClusterProperties.of(cluster.nodeAddresses(), shards));
    QueueShards layout = new QueueShards(prefix, true, shards, Map.of());
    Clock clock = Clock.systemUTC();
    AtomicBoolean running = new AtomicBoolean(true);
    LongAdder enqueued = new LongAdder();
    LongAdder completed = new LongAdder();
    try (ShardedRedisQueue queue = new ShardedRedisQueue(client, layout, properties.queueSettings(), clock)) {
      // the term a leader election would start
      client.getBucket(new RedisQueueKeys(prefix).fencingCounter(), StringCodec.INSTANCE).set(Long.toString(TOKEN));
      queue.leadershipGained(TOKEN);
      List<Thread> threads = new ArrayList<>();
      int backlog = Math.min(options.agents() / 2, BACKLOG_PER_SLOT * options.slots());
      for (int p = 0; p < options.producers(); p++) {
        int offset = p;
        threads.add(Thread.ofPlatform().name("bench-producer-" + p).start(() -> {
          int agent = offset;
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
            for (EnqueueResult result : queue.enqueueAll(batch, TOKEN)) {
              if (result == EnqueueResult.ENQUEUED) {
                enqueued.increment();
              }
            }
          }
        }));
      }
      for (int s = 0; s < options.slots(); s++) {
        // as a runner's slot: the finished activation's completion goes with the next claim
        threads.add(Thread.ofPlatform().name("bench-slot-" + s).start(() -> {
          Optional<Lease> lease = Optional.empty();
          while (running.get()) {
            if (lease.isPresent()) {
              lease = queue.completeAndClaim(lease.get(), RunnerPool.HYBRID, RUNNER_ID, Duration.ofMillis(100));
              completed.increment();
            } else {
              lease = queue.claim(RunnerPool.HYBRID, RUNNER_ID, Duration.ofMillis(100));
            }
          }
          lease.ifPresent(queue::complete);
        }));
      }
      pause(options.warmup());
      List<Long> redisBefore = cluster.nodes().stream().map(node -> cpuTicks(node.pid())).toList();
      long jvmBefore = processCpuNanos();
      long before = completed.sum();
      long start = System.nanoTime();
      pause(options.duration());
      long done = completed.sum() - before;
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Long> redisAfter = cluster.nodes().stream().map(node -> cpuTicks(node.pid())).toList();
      double jvmPercent = 100.0 * (processCpuNanos() - jvmBefore) / 1e9 / seconds;
      running.set(false);
      threads.forEach(ShardedQueueBenchmark::join);
      List<Double> redisPercent = new ArrayList<>();
      for (int i = 0; i < redisBefore.size(); i++) {
        redisPercent.add(100.0 * (redisAfter.get(i) - redisBefore.get(i)) / CLOCK_TICKS / seconds);
      }
      Run run = new Run(shards, done / seconds, redisPercent, jvmPercent);
      log.printf("queue-sharded: %d shard(s): %d activations in %.1f s = %.0f/s; redis-server CPU per primary %s,"
              + " benchmark JVM CPU %.0f %%%n", shards, done, seconds, run.activationsPerSecond(),
          redisPercent.stream().map(p -> String.format("%.0f %%", p)).toList(), jvmPercent);
      return run;
    } finally {
      client.getKeys().deleteByPattern(prefix.replace("{", "").replace("}", "") + "*");
      client.getKeys().deleteByPattern(prefix + "*");
      client.shutdown();
    }
  }

  // utime + stime of a process, in clock ticks; 0 when it cannot be read (not Linux)
  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
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
