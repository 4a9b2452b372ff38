package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command in a running container through exec. The command is wrapped in {@code timeout -s
 * KILL} so the kill happens inside the container, where it reaches the command's whole process group
 * (the engine cannot kill an exec); the runner waits a little longer as a backstop.
 */
final class DockerExec {
  /** How much longer than its timeout a command is waited for before the runner gives up on it. */
  static final long BACKSTOP_MILLIS = 5_000;
  private static final int EXIT_CODE_POLLS = 200;

  /** Raw output of one exec. {@code exitCode} is -1 when the backstop expired first. */
  record Output(int exitCode, CappedOutput stdout, CappedOutput stderr, long elapsedMillis, boolean backstopHit) {}

  private final DockerClient docker;

  DockerExec(DockerClient docker) {
    this.docker = docker;
  }

  Output run(String containerId, List<String> argv, Duration timeout, int outputCapBytes) {
    long timeoutSeconds = timeoutSeconds(timeout);
    List<String> command = new ArrayList<>(List.of("timeout", "-s", "KILL", Long.toString(timeoutSeconds)));
    command.addAll(argv);
    long started = System.nanoTime();
    String execId;
    try {
      execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
          .withAttachStdout(true).withAttachStderr(true).withWorkingDir(Sandbox.WORKSPACE)
          .exec().getId();
    } catch (RuntimeException e) {
      throw DockerErrors.translate("exec in sandbox " + shortId(containerId) + " failed", e);
    }
    Collector collector = new Collector(outputCapBytes);
    try (Collector running = docker.execStartCmd(execId).exec(collector)) {
      boolean finished = running.awaitCompletion(timeoutSeconds * 1000 + BACKSTOP_MILLIS, TimeUnit.MILLISECONDS);
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      int exitCode = finished ? exitCode(execId) : -1;
      return new Output(exitCode, collector.stdout, collector.stderr, elapsed, !finished);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while waiting for a command", false, e);
    } catch (IOException | RuntimeException e) {
      throw new SandboxException("exec output of sandbox " + shortId(containerId) + " failed", true, e);
    }
  }

  /** The engine may report the stream's end a moment before it records the exit code. */
  private int exitCode(String execId) throws InterruptedException {
    for (int i = 0; i < EXIT_CODE_POLLS; i++) {
      InspectExecResponse inspect = docker.inspectExecCmd(execId).exec();
      if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
        return inspect.getExitCodeLong().intValue();
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return -1;
  }

  /** {@code timeout}'s argument: whole seconds, rounded up, at least 1. */
  static long timeoutSeconds(Duration timeout) {
    return Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static final class Collector extends ResultCallback.Adapter<Frame> {
    final CappedOutput stdout;
    final CappedOutput stderr;

    Collector(int capBytes) {
      stdout = new CappedOutput(capBytes);
      stderr = new CappedOutput(capBytes);
    }

    @Override
    public void onNext(Frame frame) {
      // CappedOutput copies at once: the frame's buffer may be reused after this call.
      (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(frame.getPayload());
    }
  }
}
