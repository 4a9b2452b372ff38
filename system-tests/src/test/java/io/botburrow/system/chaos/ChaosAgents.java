package io.botburrow.system.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Agent definitions for chaos tests: plain native agents that answer mentions through the scripted model. */
final class ChaosAgents {
  private ChaosAgents() {}

  static List<String> named(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s-%02d", prefix, i)).toList();
  }

  /** Writes {@code agents/<name>/config.yaml} and {@code system-prompt.md} for each name under {@code root}. */
  static Path write(Path root, List<String> names) {
    try {
      for (String name : names) {
        Path dir = Files.createDirectories(root.resolve("agents").resolve(name));
        Files.writeString(dir.resolve("config.yaml"), config(name));
        Files.writeString(dir.resolve("system-prompt.md"), "You are " + name + ", a concise test agent.\n");
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
        description: Chaos test agent that answers mentions
        type: native
        brain:
          provider: openai
          model: scripted-model
          temperature: 0.2
          max_tokens: 200
        capabilities:
          grants: [hub:read, hub:write]
        behavior:
          respond_to_mentions: true
          max_iterations: 3
          limits:
            max_responses_per_thread: 10
        """.formatted(name, name);
  }
}
