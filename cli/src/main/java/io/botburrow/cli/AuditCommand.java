package io.botburrow.cli;

import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditUnavailableException;
import io.botburrow.audit.AuditVerifier;
import io.botburrow.audit.redis.RedisAuditLog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read the activations' audit trail.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the hash chains of the audit trail in Redis and in the bucket archive, reading the coordinator's",
        "configuration (config/coordinator.yml, then BOTBURROW_* environment variables, then -D options).",
        "Prints 'audit: N activations verified, chain ok', or names the first broken record and exits 1."
      })
  static final class Verify implements Callable<Integer> {
    @Option(names = "--since", paramLabel = "DATE", description = "First day checked, yyyy-mm-dd (default: the retention window).")
    LocalDate since;

    @Option(names = "--tenant", paramLabel = "NAME", defaultValue = "default",
        description = "Check the trail of this tenant's agents (botburrow.tenants.NAME; default: ${DEFAULT-VALUE}).")
    String tenant;

    @Mixin ServiceOptions options = new ServiceOptions();

    @Spec CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (AuditStores stores = AuditStores.open(options.fileProperties("coordinator"), options.commandLineProperties())) {
        try {
          stores.tenant(tenant);
        } catch (IllegalArgumentException e) {
          err.println("audit: " + e.getMessage());
          return 2;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = since != null ? since : today.minusDays(stores.properties.retentionDays() - 1L);
        if (first.isAfter(today)) {
          err.println("audit: --since " + first + " is after today (" + today + ")");
          return 2;
        }
        List<AuditVerifier.Source> sources;
        try {
          sources = sources(stores.log(), stores.archive(), first, today);
        } catch (AuditUnavailableException e) {
          err.println("audit: cannot read the trail from " + stores.describe() + ": " + e.getMessage());
          return 2;
        }
        AuditVerifier.Result result = AuditVerifier.verify(sources);
        if (result.broken().isPresent()) {
          err.println("audit: chain broken at " + result.broken().get());
          out.println("audit: chain broken after " + result.runs() + " activations verified");
          return 1;
        }
        out.println("audit: " + result.records() + " records since " + first
            + (result.trimmed() > 0 ? ", " + result.trimmed() + " activations trimmed at their start in Redis (bounded stream)" : ""));
        out.println("audit: " + result.runs() + " activations verified, chain ok");
        return 0;
      }
    }

    private static List<AuditVerifier.Source> sources(AuditLog log, AuditArchive archive, LocalDate first, LocalDate last) {
      List<AuditVerifier.Source> sources = new ArrayList<>();
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        String name = log instanceof RedisAuditLog redis ? "Redis stream " + redis.key(day) : "log " + day;
        sources.add(new AuditVerifier.Source(name, log.read(day), log.bounded()));
      }
      if (archive != null) {
        for (LocalDate day : archive.days()) {
          if (day.isBefore(first) || day.isAfter(last)) {
            continue;
          }
          for (AuditArchive.Run run : archive.read(day)) {
            List<AuditEntry> records = run.records();
            sources.add(new AuditVerifier.Source("archive audit/" + day + "/" + run.agent() + "/" + run.run() + ".jsonl",
                records, false));
          }
        }
      }
      return sources;
    }
  }
}
