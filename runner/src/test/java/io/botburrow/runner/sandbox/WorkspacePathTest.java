package io.botburrow.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkspacePathTest {

  @Test
  void resolvesRelativePathsUnderTheWorkspace() {
    assertThat(WorkspacePath.resolve("notes.txt")).isEqualTo("/workspace/notes.txt");
    assertThat(WorkspacePath.resolve("./src//main/../App.java")).isEqualTo("/workspace/src/App.java");
    assertThat(WorkspacePath.resolve(".")).isEqualTo("/workspace");
  }

  @Test
  void acceptsAbsolutePathsInsideTheWorkspace() {
    assertThat(WorkspacePath.resolve("/workspace")).isEqualTo("/workspace");
    assertThat(WorkspacePath.resolve("/workspace/a/b")).isEqualTo("/workspace/a/b");
  }

  @Test
  void refusesEscapes() {
    for (String path : new String[] {"..", "../etc/passwd", "a/../../x", "/etc/passwd", "/workspaces/x",
        "/workspace/../etc", "", " ", "a\0b"}) {
      assertThatThrownBy(() -> WorkspacePath.resolve(path)).as(path).isInstanceOf(SandboxFileException.class);
    }
  }
}
