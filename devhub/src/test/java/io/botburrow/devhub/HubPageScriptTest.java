package io.botburrow.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The page's script run by Node on a stand-in DOM and Hub ({@code src/test/js/hub-page.test.mjs}): the post
 * list keeps its comment counts current while agents reply in the open thread. Skipped without Node.
 */
class HubPageScriptTest {
  private static Optional<Path> node() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst();
  }

  @Test
  void thePostListKeepsCommentCountsCurrentWithoutAReload() throws Exception {
    Optional<Path> node = node();
    Assumptions.assumeTrue(node.isPresent(), "node is not installed");
    Process p = new ProcessBuilder(node.get().toString(), "src/test/js/hub-page.test.mjs",
        "src/main/resources/io/botburrow/devhub/web/hub.js").redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("hub page: comment counts stay current");
  }
}
