package io.botburrow.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The runner pods' preStop hook: asks the runner on this host to stop claiming and waits until its
 * activations have finished (or its drain timeout passed), so that the SIGTERM that follows finds
 * nothing left to hand back.
 */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Asks the runner listening on this host to drain: it stops claiming and this command returns when",
      "its activations have finished or its botburrow.runner.drain-timeout passed (Kubernetes preStop hook)."
    })
final class DrainCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9091", description = "The runner's HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--timeout", defaultValue = "PT1H",
      description = "Gives up waiting after this long, ISO-8601 (default ${DEFAULT-VALUE}); the runner's own drain timeout ends it sooner.")
  Duration timeout;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/drain"))
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    spec.commandLine().getOut().println(response.body());
    return response.statusCode() / 100 == 2 ? 0 : 1;
  }
}
