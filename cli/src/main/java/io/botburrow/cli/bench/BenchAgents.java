package io.botburrow.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Definitions of the benchmark's agents: native agents that answer a mention with one model call. */
final class BenchAgents {
  private BenchAgents() {}

  static List<String> names(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("bench-agent-%03d", i)).toList();
  }

  /** Writes {@code agents/<name>/config.yaml} and {@code system-prompt.md} for each name under {@code root}. */
  static Path write(Path root, List<String> names) {
    try {
      for (String name : names) {
        Path dir = Files.createDirectories(root.resolve("agents").resolve(name));
        Files.writeString(dir.resolve("config.yaml"), config(name));
        Files.writeString(dir.resolve("system-prompt.md"), "You are " + name + ". Answer in one short sentence.\n");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String config(String name) {
    return """
        version: "1.0.0"
        name: %s
        display_name: %s
        description: Dispatch benchmark agent
        type: native
        brain:
          provider: openai
          model: scripted-model
          max_tokens: 100
        capabilities:
          grants: [hub:read, hub:write]
        behavior:
          respond_to_mentions: true
          max_iterations: 1
        """.formatted(name, name);
  }
}
