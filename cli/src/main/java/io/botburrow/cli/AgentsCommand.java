package io.botburrow.cli;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.validation.DefinitionValidator;
import io.botburrow.agents.validation.Problem;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.agents.validation.ValidationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = "Manage agent definitions in the bucket.",
    subcommands = {AgentsCommand.Upload.class, AgentsCommand.Validate.class, AgentsNewCommand.class})
final class AgentsCommand implements Runnable {
  static final int INVALID = 1;
  static final int USAGE = 2;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Check a definitions folder (agents/<name>/config.yaml, skills/<skill>/SKILL.md) without uploading:",
        "YAML, the agent-definitions schemas, folder names, MCP servers and the types the runners can run.",
        "Prints each problem as FILE:LINE: MESSAGE. Exit code 0 when valid, 1 on errors, 2 on usage errors."
      })
  static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder with agents/ and skills/ (e.g. config), or a Rig character.json.")
    Path folder;

    @Override
    public Integer call() {
      Path folder = staged(this.folder);
      if (folder == null) {
        return USAGE;
      }
      ValidationReport report = new DefinitionValidator(RuntimeRules.DEFAULT).validate(folder);
      boolean passes = report.passes(false);
      print(report, folder, false, passes ? System.out : System.err);
      (passes ? System.out : System.err).println(report.summary() + (passes ? "" : ": invalid"));
      return passes ? 0 : INVALID;
    }
  }

  @Command(
      name = "upload",
      mixinStandardHelpOptions = true,
      description = {
        "Validate, then upload a definitions folder (agents/<name>/config.yaml, system-prompt.md, skills/<skill>/SKILL.md)",
        "to the bucket. Nothing is uploaded when any definition has an error (see 'agents validate')."
      })
  static final class Upload implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder with agents/ and skills/ (e.g. config), or a Rig character.json.")
    Path folder;

    @Option(names = "--force", description = "Upload agents whose type the runners cannot run yet (only that error is overridden).")
    boolean force;

    @Option(names = "--prefix", defaultValue = "",
        description = "Upload under this prefix of the bucket: a tenant's bucket-prefix, e.g. beta/ (default: the root).")
    String prefix;

    @picocli.CommandLine.Mixin
    BucketOptions target = new BucketOptions();

    @Override
    public Integer call() {
      Path folder = staged(this.folder);
      if (folder == null) {
        return USAGE;
      }
      ValidationReport report = new DefinitionValidator(RuntimeRules.DEFAULT).validate(folder);
      if (!report.passes(force)) {
        print(report, folder, force, System.err);
        System.err.println(report.summary() + ": nothing uploaded");
        return INVALID;
      }
      print(report, folder, force, System.out);
      try (S3Client s3 = target.client()) {
        List<String> keys = new BucketUploader(s3, target.bucket).upload(folder, prefix);
        keys.forEach(k -> System.out.println("uploaded s3://" + target.bucket + "/" + k));
        System.out.println(report.summary() + "; " + keys.size() + " object(s) uploaded to " + target.endpoint + " bucket "
            + target.bucket);
      }
      return 0;
    }
  }

  /** Each problem on its own line, its file shown under the folder as the user typed it. */
  static void print(ValidationReport report, Path folder, boolean force, PrintStream out) {
    for (Problem problem : report.problems()) {
      Problem shown = problem.in(folder.resolve(problem.file()).toString());
      out.println(shown + (force && problem.forceable() ? " (overridden by --force)" : ""));
    }
  }

  /**
   * The folder to validate: {@code input} itself, or a converted copy when it is or holds a Rig
   * {@code character.json}; null (after saying why) when it is neither.
   */
  static Path staged(Path input) {
    try {
      if (CharacterStaging.applies(input)) {
        return CharacterStaging.stage(input, System.out);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(input + ": " + e.getMessage());
      return null;
    }
    return isDefinitionsFolder(input) ? input : null;
  }

  static boolean isDefinitionsFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      System.err.println("Not a folder: " + folder);
      return false;
    }
    if (!Files.isDirectory(folder.resolve("agents")) && !Files.isDirectory(folder.resolve("skills"))) {
      System.err.println("No agents/ or skills/ folder in " + folder + " (expected agents/<name>/config.yaml, skills/<skill>/SKILL.md)");
      return false;
    }
    return true;
  }
}
