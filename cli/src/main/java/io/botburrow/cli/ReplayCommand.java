package io.botburrow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.audit.AuditUnavailableException;
import io.botburrow.hub.HubException;
import io.botburrow.runner.audit.Replay;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run an archived activation again with the native executor and its recorded model responses: no provider",
      "is called and nothing is written to the Hub. Reads the coordinator's configuration like 'audit verify'.",
      "Prints 'replay: ID tool sequence matches (K calls)' or where it diverged; exits 1 when it did not match."
    })
final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ACTIVATION_ID")
  String activationId;

  @picocli.CommandLine.Option(names = "--tenant", paramLabel = "NAME", defaultValue = "default",
      description = "The tenant whose activation it was (botburrow.tenants.NAME; default: ${DEFAULT-VALUE}).")
  String tenant;

  @Mixin ServiceOptions options = new ServiceOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AuditStores stores = AuditStores.open(options.fileProperties("coordinator"), options.commandLineProperties())) {
      try {
        stores.tenant(tenant);
      } catch (IllegalArgumentException e) {
        err.println("replay: " + e.getMessage());
        return 2;
      }
      if (stores.archive() == null) {
        err.println("replay: no bucket configured (botburrow.s3.bucket): the model responses are archived there");
        return 2;
      }
      ObjectMapper json = new ObjectMapper();
      Replay replay = new Replay(stores.archive(), stores.definitions(), stores.hub(json), json, Clock.systemUTC());
      Replay.Result result = replay.replay(activationId, out::println);
      out.println(result.message());
      return result.matches() ? 0 : 1;
    } catch (AuditUnavailableException | AgentDefinitionException | HubException e) {
      err.println("replay: " + activationId + " cannot be replayed: " + e.getMessage());
      return 2;
    }
  }
}
