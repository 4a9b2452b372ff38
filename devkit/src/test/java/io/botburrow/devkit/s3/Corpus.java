package io.botburrow.devkit.s3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real-world definitions corpus {@code shared/testdata/agent-definitions}, found above the module. */
final class Corpus {
  static final List<String> AGENTS = List.of(
      "claude-coder-1", "devops-agent", "pirate-captain-agent", "research-agent", "sprint-coder", "test-persona-agent");

  private Corpus() {}

  /** The repository's {@code config} folder with the example agents; fails when absent. */
  static Path exampleConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("config/agents/concierge"))) {
        return dir.resolve("config");
      }
    }
    throw new AssertionError("config/agents/concierge not found above " + Path.of("").toAbsolutePath());
  }

  /** The corpus folder; skips the test when it is absent. */
  static Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/agent-definitions");
      if (Files.isDirectory(candidate.resolve("agents"))) {
        return candidate;
      }
    }
    assumeTrue(false, "shared/testdata/agent-definitions not found above " + Path.of("").toAbsolutePath());
    throw new IllegalStateException("unreachable");
  }
}
