package io.botburrow.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryDirectoryTest {
  @TempDir Path dir;

  @Test
  void snapshotHoldsTheRegularFilesAndLeavesOutLinksAndHiddenOnesWhenAsked(@TempDir Path outside) throws IOException {
    Files.writeString(dir.resolve("notes.md"), "hello");
    Files.createDirectories(dir.resolve("deep/.cache"));
    Files.writeString(dir.resolve("deep/.cache/x"), "xx");
    Files.writeString(outside.resolve("secret"), "not yours");
    Files.createSymbolicLink(dir.resolve("link"), outside.resolve("secret"));

    MemoryStore.Snapshot all = MemoryDirectory.snapshot(dir, false);
    MemoryStore.Snapshot visible = MemoryDirectory.snapshot(dir, true);

    assertThat(all.files()).containsOnlyKeys("notes.md", "deep/.cache/x");
    assertThat(all.files().get("notes.md"))
        .isEqualTo(MemoryDirectory.sha256("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(all.bytes()).isEqualTo(7);
    assertThat(visible.files()).containsOnlyKeys("notes.md");
    assertThat(visible.bytes()).isEqualTo(5);
    assertThat(MemoryDirectory.snapshot(dir.resolve("missing"), false)).isSameAs(MemoryStore.Snapshot.EMPTY);
  }

  @Test
  void resolvesOnlyPathsThatStayInsideTheDirectory() {
    assertThat(MemoryDirectory.safeResolve(dir, "a/b.md")).isEqualTo(dir.resolve("a/b.md"));
    assertThat(MemoryDirectory.safeResolve(dir, "../escape")).isNull();
    assertThat(MemoryDirectory.safeResolve(dir, "a/../../escape")).isNull();
    assertThat(MemoryDirectory.safeResolve(dir, "/etc/passwd")).isNull();
    assertThat(MemoryDirectory.safeResolve(dir, "a\\b")).isNull();
    assertThat(MemoryDirectory.safeResolve(dir, "")).isNull();
    assertThat(MemoryDirectory.safeResolve(dir, "a/..")).isNull();
  }

  @Test
  void readsNoFileThroughASymbolicLink(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret"), "not yours");
    Path link = Files.createSymbolicLink(dir.resolve("link"), outside.resolve("secret"));

    assertThatThrownBy(() -> MemoryDirectory.read(link)).isInstanceOf(IOException.class);
  }
}
