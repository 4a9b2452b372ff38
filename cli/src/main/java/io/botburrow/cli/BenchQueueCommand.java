package io.botburrow.cli;

import io.botburrow.devkit.redis.QueueBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "queue",
    mixinStandardHelpOptions = true,
    description = {
      "Enqueue, claim and ack of no-op activations with several runner slots, next to",
      "'redis-benchmark -t lpush,rpop' on the same server in the same run. Prints:",
      "queue-throughput: <N> activations/s (redis-benchmark baseline <M> requests/s)",
      "Uses REDIS_URL when --url is not given and the variable is set; else starts a local redis-server."
    })
final class BenchQueueCommand implements Callable<Integer> {
  @Option(names = "--url", description = "Redis to measure (default: a redis-server started for the run).")
  String url;

  @Option(names = "--agents", defaultValue = "2000", description = "Distinct agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--slots", defaultValue = "32", description = "Runner slots claiming in parallel (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
  int seconds;

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(List.of("--agents=" + agents, "--slots=" + slots, "--seconds=" + seconds));
    String redis = url != null ? url : System.getenv("REDIS_URL");
    if (redis != null && !redis.isBlank()) {
      args.add("--url=" + redis);
    }
    QueueBenchmark.main(args.toArray(String[]::new));
    return 0;
  }
}
