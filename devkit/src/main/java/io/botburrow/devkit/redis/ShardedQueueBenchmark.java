package io.botburrow.devkit.redis;

import io.botburrow.queue.redis.QueueShards;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.queue.redis.ShardedRedisQueue;
import io.botburrow.redis.RedisClusterProperties;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.redis.RedissonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    try (ShardedRedisQueue queue = new ShardedRedisQueue(client, layout, properties.queueSettings(), clock)) {
      // the term a leader election would start
      client.getBucket(new RedisQueueKeys(prefix).fencingCounter(), StringCodec.INSTANCE).set(Long.toString(TOKEN));
      queue.leadershipGained(TOKEN);
      List<Long> redisBefore = new ArrayList<>();
      QueueDriver.Window window;
      List<Long> redisAfter;
      try (QueueDriver driver =
          new QueueDriver(queue, queue, TOKEN, options.agents(), options.slots(), options.producers())) {
        window = driver.measure(options.warmup(), options.duration(),
            () -> cluster.nodes().forEach(node -> redisBefore.add(cpuTicks(node.pid()))));
        // before the load stops, as the window closes
        redisAfter = cluster.nodes().stream().map(node -> cpuTicks(node.pid())).toList();
      }
      List<Double> redisPercent = new ArrayList<>();
      for (int i = 0; i < redisBefore.size(); i++) {
        redisPercent.add(100.0 * (redisAfter.get(i) - redisBefore.get(i)) / CLOCK_TICKS / window.seconds());
      }
      Run run = new Run(shards, window.perSecond(), redisPercent, window.cpuPercent());
      log.printf("queue-sharded: %d shard(s): %d activations in %.1f s = %.0f/s; redis-server CPU per primary %s,"
              + " benchmark JVM CPU %.0f %%%n", shards, window.activations(), window.seconds(),
          run.activationsPerSecond(), redisPercent.stream().map(p -> String.format("%.0f %%", p)).toList(),
          window.cpuPercent());
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
}
