package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./botburrow gateway token}: a token for a caller outside the runners, accepted by the gateway. */
class GatewayTokenCommandTest {
  private static final String SECRET = "operator-gateway-secret-0123456789";

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aTokenMintedFromTheGatewaysConfigurationIsAcceptedByTheGatewayAndCountsForTheAgent() throws Exception {
    var config = Files.writeString(dir.resolve("gateway.yml"),
        "botburrow:\n  gateway:\n    token-secret: " + SECRET + "\n");

    var minted = run("gateway", "token", "--config", config.toString(), "--agent", "nightly-report", "--tenant", "acme",
        "--ttl", "2h");

    assertThat(minted.code()).isEqualTo(0);
    assertThat(minted.out().lines().toList()).as("only the token is printed").hasSize(1);
    var token = minted.out().strip();
    try (var provider = new ScriptedLlmServer().start(0)) {
      provider.enqueue(ScriptedTurn.text("Report ready.").withUsage(12, 3));
      var deployment = new Deployment("scripted", "openai", provider.baseUrl(), "scripted-model", "");
      var gateway = Gateways.inMemory(new GatewayRoutes(Map.of("scripted", deployment),
          Map.of("default", List.of(deployment))), SECRET, Clock.systemUTC());
      try (var server = new GatewayServer(gateway, new ObjectMapper(), 1 << 20).start("127.0.0.1", 0)) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"model\":\"default\",\"messages\":[{\"role\":\"user\",\"content\":\"report\"}]}"))
            .build();

        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Report ready.");
        var caller = gateway.tokens().verify(token);
        assertThat(caller.agent()).isEqualTo("nightly-report");
        assertThat(caller.tenant()).isEqualTo("acme");
        assertThat(Duration.between(Instant.now(), caller.expiresAt())).isBetween(Duration.ofMinutes(119),
            Duration.ofHours(2));
        assertThat(gateway.budgets(caller)).anySatisfy(level -> assertThat(level.used()).isPositive());
      }
    }
  }

  @Test
  void withoutAConfiguredSecretNoTokenIsPrintedAndTheMessageSaysWhereToSetOne() {
    var minted = run("gateway", "token", "--config", dir.resolve("none.yml").toString(), "--agent", "a");

    assertThat(minted.code()).isEqualTo(2);
    assertThat(minted.out()).isEmpty();
    assertThat(minted.err()).contains("botburrow.gateway.token-secret", "BOTBURROW_GATEWAY_TOKEN_SECRET");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefusedByTheGateway() {
    var minted = run("gateway", "token", "--config", dir.resolve("none.yml").toString(), "--agent", "a",
        "-D", "botburrow.gateway.token-secret=some-other-secret-0123456789", "--ttl", "30m");
    var gateway = Gateways.inMemory(GatewayRoutes.empty(), SECRET, Clock.systemUTC());

    assertThat(minted.code()).isEqualTo(0);
    assertThatThrownBy(() -> gateway.tokens().verify(minted.out().strip())).hasMessageContaining("not issued");
  }

  @Test
  void durationsReadAsOperatorsWriteThem() {
    assertThat(GatewayTokenCommand.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GatewayTokenCommand.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(GatewayTokenCommand.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(GatewayTokenCommand.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> GatewayTokenCommand.parseDuration("soon")).hasMessageContaining("--ttl soon");
    assertThatThrownBy(() -> GatewayTokenCommand.parseDuration("0s")).hasMessageContaining("positive");
    assertThat(run("gateway", "token", "--agent", "a", "--ttl", "later").err()).contains("--ttl later");
  }
}
