package io.botburrow.cli;

import io.botburrow.gateway.GatewayFactory;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    subcommands = GatewayTokenCommand.class,
    description = {
      "Run the LLM gateway alone: OpenAI (/v1/chat/completions) and Anthropic (/v1/messages) APIs in front of the",
      "operator's deployments (config/gateway.yml), with fallback, budgets in Redis and cost metering.",
      "Callers present an activation token minted with botburrow.gateway.token-secret (shared with the runners);",
      "./botburrow gateway token --agent NAME mints one for a caller outside the runners."
    })
final class GatewayCommand implements Callable<Integer> {
  @Mixin ServiceOptions options;

  @Option(names = "--api-port", paramLabel = "PORT", description = "Port of the OpenAI/Anthropic API (default 4000).")
  Integer apiPort;

  @Override
  public Integer call() {
    Map<String, Object> props = options.commandLineProperties();
    if (apiPort != null) {
      props.put("botburrow.gateway.port", apiPort);
    }
    ApplicationContext ctx = Services.start("gateway", options.fileProperties("gateway"), props);
    var front = ctx.getBean(GatewayFactory.GatewayFront.class).server();
    System.out.println("LLM gateway: " + (front == null ? "(no API port)" : front.baseUrl())
        + "  (metrics at " + Services.url(ctx) + "/prometheus)");
    Services.awaitShutdown(ctx);
    return 0;
  }
}
