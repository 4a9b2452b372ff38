package io.botburrow.devkit.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes definitions of plain native agents for benchmarks and system tests: they answer mentions
 * through the scripted model ({@code scripted-model}) with the Hub grants and nothing else.
 *
 * @param description the {@code description} of every agent
 * @param maxIterations {@code behavior.max_iterations}
 * @param maxTokens {@code brain.max_tokens}
 */
public record ScriptedAgents(String description, int maxIterations, int maxTokens) {

  /** {@code prefix-01}, {@code prefix-02}...: numbered with at least {@code digits} digits. */
  public static List<String> names(String prefix, int count, int digits) {
    String format = "%s-%0" + digits + "d";
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format(format, prefix, i)).toList();
  }

  /** Writes {@code agents/<name>/config.yaml} and {@code system-prompt.md} for each name under {@code root}. */
  public Path write(Path root, List<String> names) {
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

  String config(String name) {
    return """
        version: "1.0.0"
        name: %s
        display_name: %s
        description: %s
        type: native
        brain:
          provider: openai
          model: scripted-model
          temperature: 0.2
          max_tokens: %d
        capabilities:
          grants: [hub:read, hub:write]
        behavior:
          respond_to_mentions: true
          max_iterations: %d
          limits:
            max_responses_per_thread: 10
        """.formatted(name, name, description, maxTokens, maxIterations);
  }
}
