package io.botburrow.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner whose heap is measured, in a process of its own with a heap limit and a GC log, so that
 * only its heap is measured; its output and GC log are kept in the run's work directory.
 */
final class RunnerProcess implements AutoCloseable {
  private final Process process;
  private final Path output;
  private final Path gcLog;

  private RunnerProcess(Process process, Path output, Path gcLog) {
    this.process = process;
    this.output = output;
    this.gcLog = gcLog;
  }

  static RunnerProcess start(Map<String, Object> props, int slots, String heapLimit, Path work) throws IOException {
    Path gcLog = work.resolve("runner-gc.log");
    Path output = work.resolve("runner.log");
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heapLimit, "-XX:+UseG1GC",
        "-Xlog:gc:file=" + gcLog));
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.botburrow.cli.Main", "runner",
        "--pool", "hybrid", "--slots", Integer.toString(slots)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new RunnerProcess(process, output, gcLog);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  Path gcLog() {
    return gcLog;
  }

  void awaitReady() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.readString(output).contains("Runner: ")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the runner did not start; its output:\n" + Files.readString(output));
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /** The runner's heap in use after a full collection (jcmd), in MB. */
  long liveHeapMb() throws IOException, InterruptedException {
    Path jcmd = Path.of(java()).resolveSibling("jcmd");
    String pid = Long.toString(process.pid());
    run(jcmd.toString(), pid, "GC.run");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), pid, "GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The java command this process was started with, so that the runner runs on the same JDK. */
  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
