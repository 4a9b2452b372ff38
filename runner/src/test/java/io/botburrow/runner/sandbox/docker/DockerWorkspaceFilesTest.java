package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.runner.sandbox.FileEntry;
import org.junit.jupiter.api.Test;

class DockerWorkspaceFilesTest {

  @Test
  void parsesGnuAndBusyboxStatListingsSortedByPath() {
    String text = "regular file|12|/workspace/b.txt\ndirectory|60|/workspace/a\n"
        + "regular empty file|0|/workspace/a/empty\nnoise\n";
    assertThat(DockerWorkspaceFiles.parseListing(text)).containsExactly(
        new FileEntry("/workspace/a", true, 0),
        new FileEntry("/workspace/a/empty", false, 0),
        new FileEntry("/workspace/b.txt", false, 12));
  }

  @Test
  void keepsPipesInFileNames() {
    assertThat(DockerWorkspaceFiles.parseListing("regular file|3|/workspace/a|b"))
        .containsExactly(new FileEntry("/workspace/a|b", false, 3));
  }
}
