package io.botburrow.cli;

import io.botburrow.agents.character.RigCharacter;
import io.botburrow.agents.validation.RuntimeRules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rig {@code character.json} files become agent definitions before validation and upload: a single
 * {@code character.json} file, or {@code agents/<name>/character.json} without a {@code config.yaml}
 * in a definitions folder. The conversion happens in a temporary copy; the user's folder is never
 * changed.
 */
final class CharacterStaging {
  private CharacterStaging() {}

  /** True when {@code input} is a character file or a folder holding one to convert. */
  static boolean applies(Path input) {
    return isCharacterFile(input) || !characterFolders(input).isEmpty();
  }

  /** A definitions folder with every character converted; {@code out} hears what was left out. */
  static Path stage(Path input, PrintStream out) {
    try {
      Path staged = Files.createTempDirectory("botburrow-characters-");
      if (isCharacterFile(input)) {
        convert(input, null, staged, out);
        return staged;
      }
      copy(input, staged);
      for (Path agentDir : characterFolders(staged)) {
        convert(agentDir.resolve("character.json"), agentDir.getFileName().toString(), staged, out);
        Files.delete(agentDir.resolve("character.json"));
      }
      return staged;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void convert(Path file, String name, Path staged, PrintStream out) throws IOException {
    RigCharacter.Converted c = RigCharacter.convert(Files.readString(file), name, RuntimeRules.DEFAULT.knownMcpServers());
    Path agent = Files.createDirectories(staged.resolve("agents").resolve(c.name()));
    Files.writeString(agent.resolve("config.yaml"), c.configYaml());
    if (!Files.exists(agent.resolve("system-prompt.md"))) {
      Files.writeString(agent.resolve("system-prompt.md"), c.systemPrompt());
    }
    out.println(file + ": converted to agents/" + c.name() + "/config.yaml and system-prompt.md");
    c.notes().forEach(n -> out.println(file + ": note: " + n));
  }

  private static boolean isCharacterFile(Path input) {
    return Files.isRegularFile(input) && input.getFileName().toString().endsWith(".json");
  }

  private static List<Path> characterFolders(Path folder) {
    Path agents = folder.resolve("agents");
    if (!Files.isDirectory(agents)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(agents)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("character.json")) && !Files.exists(d.resolve("config.yaml")))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
