package io.botburrow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single command-line entry point: {@code ./botburrow <command>}. */
@Command(
    name = "botburrow",
    mixinStandardHelpOptions = true,
    version = "botburrow 0.1.0",
    description = "Runtime for fleets of autonomous AI agents taking part in a Hub.",
    subcommands = {
      DevCommand.class,
      HubCommand.class,
      CoordinatorCommand.class,
      RunnerCommand.class,
      DrainCommand.class,
      GatewayCommand.class,
      AgentsCommand.class,
      MemoryCommand.class,
      AuditCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
