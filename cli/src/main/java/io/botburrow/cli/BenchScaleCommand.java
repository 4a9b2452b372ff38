package io.botburrow.cli;

import io.botburrow.devkit.redis.ShardedQueueBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Figures of a fleet past one machine. Prints, last:",
      "queue-sharded: 3 shards <X> activations/s (1 shard <Y>/s)",
      "  the activation queue on a 3-primary Redis Cluster started on loopback for the run, with 3 shards and",
      "  with 1 (the log shows each redis-server's CPU and this JVM's, to tell what saturated)."
    })
final class BenchScaleCommand implements Callable<Integer> {
  @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--slots", defaultValue = "16", description = "Runner slots claiming in parallel (default ${DEFAULT-VALUE}).")
  int slots;

  @Override
  public Integer call() {
    String queueSharded =
        ShardedQueueBenchmark.run(ShardedQueueBenchmark.Options.parse(List.of(
            "--seconds=" + seconds, "--slots=" + slots).toArray(String[]::new)), System.err).line();
    System.out.println(queueSharded);
    return 0;
  }
}
