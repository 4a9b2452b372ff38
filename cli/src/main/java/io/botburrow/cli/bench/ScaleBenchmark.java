package io.botburrow.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.redis.ShardedQueueBenchmark;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figures of a fleet past one machine: the leader's exploration tick, one runner's heap, and the activation
 * queue on a Redis Cluster with 3 shards beside 1.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "The leader's exploration tick over many agents (real Redis), the heap of one runner",
      "running many activations at once, and the activation queue on a 3-primary Redis Cluster",
      "started on loopback for the run, with 3 shards and with 1 (the log shows each redis-server's",
      "CPU and this JVM's, to tell what saturated). Prints, last:",
      "schedule-tick: <N> agents p99 <X> ms",
      "runner-density: <N> concurrent activations, heap max <Y> MB",
      "queue-sharded: 3 shards <X> activations/s (1 shard <Y>/s)",
      "The tick uses REDIS_URL when --url is not given and the variable is set; else a local redis-server."
    })
public final class ScaleBenchmark implements Callable<Integer> {
  @Option(names = "--url", description = "Redis for the tick (default: a redis-server started for the run).")
  String url;

  @Option(names = "--agents", defaultValue = "100000", description = "Scheduled agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--rounds", defaultValue = "200", description = "Check intervals of simulated time (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--activations", defaultValue = "200", description = "Activations at once in one runner (default ${DEFAULT-VALUE}).")
  int activations;

  @Option(names = "--answer-after-ms", defaultValue = "1000", description = "The scripted model's delay (default ${DEFAULT-VALUE}).")
  long answerAfterMs;

  @Option(names = "--runner-heap", defaultValue = "512m", description = "The runner's -Xmx (default ${DEFAULT-VALUE}).")
  String runnerHeap;

  @Option(names = "--queue-seconds", defaultValue = "10", description = "Measured seconds per queue run (default ${DEFAULT-VALUE}).")
  int queueSeconds;

  @Option(names = "--queue-slots", defaultValue = "16", description = "Runner slots claiming in parallel in the queue runs (default ${DEFAULT-VALUE}).")
  int queueSlots;

  @Option(names = "--verbose", description = "Keep the services' INFO logs.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (agents < 1 || rounds < 1 || activations < 1 || answerAfterMs < 0) {
      System.err.println("bench scale: --agents, --rounds and --activations must be at least 1, --answer-after-ms not negative.");
      return 2;
    }
    if (!verbose) {
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.WARN);
    }
    if (LocalRedis.findRedisServer().isEmpty()) {
      System.err.println("bench scale needs redis-server (apt-get install redis-server).");
      return 2;
    }
    String redis = url != null ? url : System.getenv("REDIS_URL");
    ScheduleTickBenchmark.Result tick;
    if (redis != null && !redis.isBlank()) {
      tick = ScheduleTickBenchmark.run(redis, agents, rounds, System.err);
    } else {
      try (LocalRedis local = LocalRedis.start()) {
        tick = ScheduleTickBenchmark.run(local.url(), agents, rounds, System.err);
      }
    }
    RunnerDensityBenchmark.Result density =
        RunnerDensityBenchmark.run(activations, activations, java.time.Duration.ofMillis(answerAfterMs), runnerHeap, System.err);
    String queueSharded = ShardedQueueBenchmark.run(ShardedQueueBenchmark.Options.parse(
        new String[] {"--seconds=" + queueSeconds, "--slots=" + queueSlots}), System.err).line();
    System.out.println(tick.line());
    System.out.println(density.line());
    System.out.println(queueSharded);
    return 0;
  }
}
