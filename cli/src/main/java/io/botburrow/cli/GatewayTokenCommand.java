package io.botburrow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayTokens;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mints a gateway token for a caller outside the runners (a script, a CLI agent on a laptop, a service),
 * signed with the secret the gateway reads from the same configuration, and prints only the token.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Mint a token for a caller of ./botburrow gateway that no runner started (prints only the token).",
      "It is signed with botburrow.gateway.token-secret, read as the gateway reads it: config/gateway.yml,",
      "BOTBURROW_GATEWAY_TOKEN_SECRET, -D. Its calls count on the agent's and tenant's budgets like a runner's."
    })
final class GatewayTokenCommand implements Callable<Integer> {
  static final String SECRET_PROPERTY = "botburrow.gateway.token-secret";

  @Mixin ServiceOptions options;

  @Spec CommandSpec spec;

  @Option(names = "--agent", required = true, paramLabel = "NAME", description = "Agent the calls are counted for.")
  String agent;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant (default: botburrow.gateway.default-tenant, else default).")
  String tenant;

  @Option(names = "--ttl", defaultValue = "1h", paramLabel = "DURATION",
      description = "How long the token is valid: 90s, 30m, 1h, 7d or ISO-8601 (default ${DEFAULT-VALUE}).")
  String ttl;

  @Option(names = "--activation", paramLabel = "ID",
      description = "Name of the budget the token's calls share as one activation (default: a new one per token).")
  String activation;

  @Option(names = "--max-tokens", defaultValue = "0", paramLabel = "N",
      description = "Tokens all calls of this token may use (default: the gateway's activation default).")
  long maxTokens;

  @Option(names = "--model", paramLabel = "ALIAS",
      description = "The agent's models in order (repeatable): a request naming the first falls back to the others.")
  List<String> models = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Duration lifetime;
    try {
      lifetime = parseDuration(ttl);
    } catch (IllegalArgumentException e) {
      err.println("gateway token: " + e.getMessage());
      return 2;
    }
    var ctx = Services.builder("gateway", options.fileProperties("gateway"), options.commandLineProperties()).build();
    var environment = ctx.getEnvironment().start();
    try {
      var secret = environment.getProperty(SECRET_PROPERTY, String.class).orElse("");
      if (secret.isBlank()) {
        err.println("gateway token: no " + SECRET_PROPERTY + " is configured (config/gateway.yml, "
            + "BOTBURROW_GATEWAY_TOKEN_SECRET or -D " + SECRET_PROPERTY + "=...): a gateway without one accepts "
            + "only the tokens of its own process.");
        return 2;
      }
      var tokenTenant = tenant != null ? tenant
          : environment.getProperty("botburrow.gateway.default-tenant", String.class).orElse("default");
      var clock = Clock.systemUTC();
      var id = activation != null ? activation : "token-" + Long.toString(clock.millis(), 36);
      var tokens = new GatewayTokens(secret, new ObjectMapper(), clock);
      spec.commandLine().getOut().println(tokens.mint(new Caller(agent, id, tokenTenant, clock.instant().plus(lifetime),
          maxTokens, models, "external")));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("gateway token: " + e.getMessage());
      return 2;
    } finally {
      environment.stop();
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d} or ISO-8601 ({@code PT1H}); positive. Pure. */
  static Duration parseDuration(String text) {
    var value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      if (value.startsWith("p")) {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      } else if (value.length() >= 2 && Character.isDigit(value.charAt(0))) {
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        duration = switch (value.charAt(value.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          case 'd' -> Duration.ofDays(amount);
          default -> throw new IllegalArgumentException();
        };
      } else {
        throw new IllegalArgumentException();
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--ttl " + text + " is not a duration such as 90s, 30m, 1h or 7d");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive");
    }
    return duration;
  }
}
