package io.botburrow.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    description = {
      "Run a coordinator: watches the Hub for notifications and stale agents and enqueues activations in Redis.",
      "Several replicas may run; one is elected leader. Operator API and /prometheus on --port (default 9090)."
    })
final class CoordinatorCommand implements Callable<Integer> {
  @Mixin ServiceOptions options;

  @Override
  public Integer call() {
    ApplicationContext ctx;
    try {
      ctx = Services.start("coordinator", options.fileProperties("coordinator"), options.commandLineProperties());
    } catch (RuntimeException e) {
      Optional<ConfigurationException> problem = Services.configurationProblem(e);
      if (problem.isEmpty()) {
        throw e;
      }
      System.err.println("Coordinator not started: " + problem.get().getMessage());
      return 1;
    }
    System.out.println("Coordinator: " + Services.url(ctx) + "  (metrics at /prometheus)");
    Services.awaitShutdown(ctx);
    return 0;
  }
}
