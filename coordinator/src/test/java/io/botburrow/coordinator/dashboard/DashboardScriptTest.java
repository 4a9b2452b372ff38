package io.botburrow.coordinator.dashboard;

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
 * The dashboard's script run by Node on a stand-in DOM, operator API and live feed
 * ({@code src/test/js/dashboard.test.mjs}): an activation appears and updates as its records arrive, its
 * model and tool calls show when opened, and a dead letter's button requeues it. Skipped without Node.
 */
class DashboardScriptTest {
  private static Optional<Path> node() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst();
  }

  @Test
  void anActivationAppearsLiveAndADeadLetterIsRequeuedFromThePage() throws Exception {
    Optional<Path> node = node();
    Assumptions.assumeTrue(node.isPresent(), "node is not installed");
    Process p = new ProcessBuilder(node.get().toString(), "src/test/js/dashboard.test.mjs",
        "src/main/resources/io/botburrow/coordinator/dashboard/dashboard.js").redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("dashboard: live activations, their calls, threads, usage per day, runners, circuit reset and requeue work");
  }
}
