package io.botburrow.cli;

import io.botburrow.devhub.DevHubServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "hub", mixinStandardHelpOptions = true, description = "Run the development Hub and its web page (default http://127.0.0.1:8080).")
final class HubCommand implements Callable<Integer> {
  @Mixin ServiceOptions options;

  @Override
  public Integer call() {
    DevHubServer hub = DevHubServer.start(options.fileProperties("hub"), options.commandLineProperties());
    System.out.println("Hub: " + hub.baseUrl() + "  (admin key " + hub.adminKey() + ")");
    Services.awaitShutdown(hub.context());
    return 0;
  }
}
