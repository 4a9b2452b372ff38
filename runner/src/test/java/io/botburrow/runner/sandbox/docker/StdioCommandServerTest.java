package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the command loop with this machine's {@code sh} (no Docker): the protocol, the quoting and
 * the timeout are the shell's, so they are checked against a real one.
 */
class StdioCommandServerTest {

  @Test
  void theContainerCommandIsTheLoopWithTheKeepAliveAsFallbackAndStdioAttached() {
    StdioCommandServer server = new StdioCommandServer(KeepAlive.SLEEP_LONG);
    ContainerSpec spec = ContainerSpec.builder("img").apply(List.of(server)).build();
    assertThat(spec.command()).startsWith("sh", "-c").endsWith("sandbox-commands", "sleep", "2147483647");
    assertThat(spec.attachStdio()).isTrue();
    assertThatThrownBy(() -> new StdioCommandServer(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotingKeepsEveryWordLiteral() {
    assertThat(StdioCommandServer.quote(List.of("echo", "it's"))).isEqualTo("exec 'echo' 'it'\\''s'");
    assertThatThrownBy(() -> StdioCommandServer.quote(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void greetsThenRunsCommandsAndMarksTheirEndWithExitCodeOnBothStreams() throws Exception {
    try (Loop loop = Loop.start()) {
      assertThat(loop.readStdoutLine()).isEqualTo(StdioCommandServer.HELLO);

      Answer first = loop.run("t1", 10, List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
      assertThat(first.stdout()).isEqualTo("out\n");
      assertThat(first.stderr()).isEqualTo("err\n");
      assertThat(first.exitCode()).isEqualTo(3);

      String tricky = "a 'quoted' \"double\" $HOME `id` \\ back\nsecond line; *";
      Answer literal = loop.run("t2", 10, List.of("printf", "%s", tricky));
      assertThat(literal.stdout()).isEqualTo(tricky);
      assertThat(literal.exitCode()).isZero();

      Answer stdin = loop.run("t3", 10, List.of("cat"));
      assertThat(stdin.stdout()).as("commands read /dev/null, not the loop's stdin").isEmpty();

      Answer missing = loop.run("t4", 10, List.of("no-such-command-here"));
      assertThat(missing.exitCode()).isEqualTo(127);
    }
  }

  @Test
  void aCommandIsKilledAtItsTimeoutAndTheLoopGoesOn() throws Exception {
    try (Loop loop = Loop.start()) {
      loop.readStdoutLine();
      long started = System.nanoTime();
      Answer killed = loop.run("t1", 1, List.of("sleep", "30"));
      assertThat(killed.exitCode()).isEqualTo(137);
      assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 10_000L);
      assertThat(loop.run("t2", 10, List.of("echo", "next")).stdout()).isEqualTo("next\n");
    }
  }

  @Test
  void theKeepAliveStaysTheMainProcessSoTheSandboxOutlivesALoopThatDied() throws Exception {
    try (Loop loop = Loop.start()) {
      loop.readStdoutLine();
      ProcessHandle main = loop.process.toHandle();
      // the loop greets from beside the main process, which may still be the shell about to exec the keep-alive
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(main.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("sleep")));

      // as a shell that cannot fork (a fork bomb at the pids limit) exits
      main.children().forEach(ProcessHandle::destroyForcibly);

      Thread.sleep(500);
      assertThat(main.isAlive()).isTrue();
    }
  }

  @Test
  void anImageWithoutBase64OrTimeoutGetsTheKeepAliveInsteadAndNeverGreets() throws Exception {
    // An empty PATH hides base64 and timeout from `command -v`; the fallback is given by full path.
    List<String> command = new ArrayList<>(new StdioCommandServer(List.of("/bin/echo", "kept-alive")).command());
    command.set(0, "/bin/sh");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PATH", "/nonexistent");
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept-alive\n");
  }

  private record Answer(String stdout, String stderr, int exitCode) {}

  /** The loop as a local process, fed and read the way the channel does. */
  private static final class Loop implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    private Loop(Process process) {
      this.process = process;
      this.stdin = process.getOutputStream();
      this.stdout = process.getInputStream();
      this.stderr = process.getErrorStream();
    }

    static Loop start() throws IOException {
      return new Loop(new ProcessBuilder(new StdioCommandServer(KeepAlive.SLEEP_LONG).command()).start());
    }

    String readStdoutLine() throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = stdout.read()) != -1 && b != '\n') {
        line.append((char) b);
      }
      return line.toString();
    }

    Answer run(String token, long seconds, List<String> argv) throws IOException {
      stdin.write(CommandProtocol.request(token, seconds, argv));
      stdin.flush();
      MarkerSplitter out = new MarkerSplitter(("\0" + token + " ").getBytes(StandardCharsets.US_ASCII),
          new CappedOutput(1 << 16), true);
      MarkerSplitter err = new MarkerSplitter(("\0" + token + "\n").getBytes(StandardCharsets.US_ASCII),
          new CappedOutput(1 << 16), false);
      drain(stdout, out);
      drain(stderr, err);
      return new Answer(out.target.text(), err.target.text(), out.exitCode());
    }

    private static void drain(InputStream stream, MarkerSplitter splitter) throws IOException {
      byte[] one = new byte[1];
      while (!splitter.finished()) {
        int b = stream.read();
        if (b == -1) {
          throw new IOException("loop ended before the end marker");
        }
        one[0] = (byte) b;
        splitter.accept(one);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
