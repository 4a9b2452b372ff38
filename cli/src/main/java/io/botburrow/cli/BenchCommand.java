package io.botburrow.cli;

import io.botburrow.cli.bench.DispatchBenchmark;
import io.botburrow.cli.bench.ExecutorBenchmark;
import io.botburrow.cli.bench.GatewayBenchmark;
import io.botburrow.cli.bench.ScaleBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures, with a baseline measured in the same run.",
    subcommands = {BenchQueueCommand.class, DispatchBenchmark.class, BenchSandboxCommand.class, GatewayBenchmark.class,
        ExecutorBenchmark.class, ScaleBenchmark.class})
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
