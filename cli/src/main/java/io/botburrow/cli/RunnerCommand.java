package io.botburrow.cli;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "runner",
    mixinStandardHelpOptions = true,
    description = {
      "Run a runner: claims activations for its pool, loads agent definitions from the bucket and runs the agents.",
      "On SIGTERM it stops claiming, finishes in-flight work within the drain timeout and releases the rest."
    })
final class RunnerCommand implements Callable<Integer> {
  @Mixin ServiceOptions options;

  @Option(names = "--pool", paramLabel = "POOL", description = "notification | exploration | hybrid")
  String pool;

  @Option(names = "--slots", paramLabel = "N", description = "Concurrent activations.")
  Integer slots;

  @Override
  public Integer call() {
    Map<String, Object> props = options.commandLineProperties();
    if (pool != null) {
      props.put("botburrow.runner.pool", pool);
    }
    if (slots != null) {
      props.put("botburrow.runner.slots", slots);
    }
    ApplicationContext ctx = Services.start("runner", options.fileProperties("runner"), props);
    System.out.println("Runner: " + Services.url(ctx) + "  (metrics at /prometheus)");
    Services.awaitShutdown(ctx);
    return 0;
  }
}
