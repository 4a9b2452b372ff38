package io.botburrow.agents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds folders of the repository and its surroundings by walking up from the module directory. */
public final class TestData {
  private TestData() {}

  /** {@code shared/testdata/agent-definitions}, the real-world corpus, when present. */
  public static Optional<Path> agentDefinitions() {
    return findUp(Path.of("shared", "testdata", "agent-definitions"));
  }

  /** {@code shared/testdata/character}, Rig runtime characters, when present. */
  public static Optional<Path> characters() {
    return findUp(Path.of("shared", "testdata", "character"));
  }

  /** The repository's {@code config} folder with the example agents. */
  public static Optional<Path> exampleConfig() {
    return findUp(Path.of("config", "agents")).map(Path::getParent);
  }

  private static Optional<Path> findUp(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
