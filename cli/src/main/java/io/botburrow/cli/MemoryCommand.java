package io.botburrow.cli;

import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.memory.MemoryStore;
import io.botburrow.memory.MemoryTooLargeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = "Manage agent memory in the bucket.",
    subcommands = {MemoryCommand.Push.class, MemoryCommand.Show.class})
final class MemoryCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "push",
      mixinStandardHelpOptions = true,
      description = {
        "Replace a team's shared knowledge with the files of DIR (hidden files left out). Every agent the",
        "runners list in botburrow.memory.teams.TEAM sees them read-only at /memory/team/TEAM from its next activation."
      })
  static final class Push implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEAM")
    String team;

    @Parameters(index = "1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--max-size-mb", defaultValue = "1000", description = "Refuse more than this (default ${DEFAULT-VALUE}).")
    long maxSizeMb;

    @Option(names = "--prefix", defaultValue = "",
        description = "A tenant's bucket-prefix, e.g. beta/: the team of that tenant's agents (default: the default tenant).")
    String prefix;

    @picocli.CommandLine.Mixin
    BucketOptions bucket = new BucketOptions();

    @Override
    public Integer call() {
      try {
        MemoryStore.checkName("team", team);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      if (!Files.isDirectory(dir)) {
        System.err.println("Not a folder: " + dir);
        return 2;
      }
      if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
        System.err.println("--prefix must end with '/' and not start with it, like a tenant's bucket-prefix: " + prefix);
        return 2;
      }
      try (S3Client s3 = bucket.client()) {
        var saved = new MemoryStore(s3, bucket.bucket).pushTeam(prefix, team, dir, maxSizeMb * 1024 * 1024);
        System.out.println("team " + team + ": " + saved.written() + " file(s), " + saved.bytes() + " bytes pushed to s3://"
            + bucket.bucket + "/" + prefix + MemoryStore.teamPrefix(team) + (saved.deleted() > 0 ? "; " + saved.deleted() + " removed" : ""));
        return 0;
      } catch (MemoryTooLargeException e) {
        System.err.println("team " + team + ": nothing pushed: " + e.getMessage());
        return 1;
      } catch (AgentStoreUnavailableException e) {
        System.err.println("team " + team + ": nothing pushed: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "List what the bucket holds of an agent's private memory (agent:NAME) or a team's (team:NAME).")
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "agent:NAME|team:NAME")
    String what;

    @picocli.CommandLine.Mixin
    BucketOptions bucket = new BucketOptions();

    @Override
    public Integer call() {
      String prefix;
      try {
        if (what.startsWith("agent:")) {
          prefix = MemoryStore.agentPrefix(what.substring(6));
        } else if (what.startsWith("team:")) {
          prefix = MemoryStore.teamPrefix(what.substring(5));
        } else {
          System.err.println("expected agent:NAME or team:NAME, got " + what);
          return 2;
        }
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      try (S3Client s3 = bucket.client()) {
        var objects = new MemoryStore(s3, bucket.bucket).list(prefix);
        objects.forEach(o -> System.out.println(o.size() + "\t" + o.key().substring(prefix.length())));
        System.out.println(objects.size() + " file(s) in s3://" + bucket.bucket + "/" + prefix);
        return 0;
      } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
        System.out.println("0 file(s): no bucket " + bucket.bucket);
        return 0;
      }
    }
  }
}
