package io.botburrow.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.botburrow.devkit.redis.LocalRedis;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Figures of one deployment at scale: the leader's exploration tick and one runner's heap. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "The leader's exploration tick over many agents (real Redis) and the heap of one runner",
      "running many activations at once. Prints:",
      "schedule-tick: <N> agents p99 <X> ms",
      "Uses REDIS_URL when --url is not given and the variable is set; else starts a local redis-server."
    })
public final class ScaleBenchmark implements Callable<Integer> {
  @Option(names = "--url", description = "Redis for the tick (default: a redis-server started for the run).")
  String url;

  @Option(names = "--agents", defaultValue = "100000", description = "Scheduled agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--rounds", defaultValue = "200", description = "Check intervals of simulated time (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--verbose", description = "Keep the services' INFO logs.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!verbose) {
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.WARN);
    }
    String redis = url != null ? url : System.getenv("REDIS_URL");
    ScheduleTickBenchmark.Result tick;
    if (redis != null && !redis.isBlank()) {
      tick = ScheduleTickBenchmark.run(redis, agents, rounds, System.err);
    } else {
      if (LocalRedis.findRedisServer().isEmpty()) {
        System.err.println("bench scale needs redis-server (apt-get install redis-server) or --url.");
        return 2;
      }
      try (LocalRedis local = LocalRedis.start()) {
        tick = ScheduleTickBenchmark.run(local.url(), agents, rounds, System.err);
      }
    }
    System.out.println(tick.line());
    return 0;
  }
}
