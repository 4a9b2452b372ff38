package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.botburrow.runner.sandbox.SandboxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sandbox commands through the container's own stdio instead of {@code docker exec}: the
 * container's main process is {@link StdioCommandServer}'s shell loop, which reads one command per
 * line and answers with its output followed by an end marker carrying a random per-command token.
 * A command costs one write and the container-side fork, not the engine's exec set-up, which is what
 * makes a warm sandbox ready in milliseconds.
 *
 * <p>One command at a time: {@link #tryRun} returns empty when the channel is busy, not yet ready or
 * broken, and the caller uses exec instead. A command that outlives its backstop breaks the channel
 * for good (the loop may still be waiting on it), so later commands go through exec.
 */
final class StdioCommandChannel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioCommandChannel.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] HELLO = (StdioCommandServer.HELLO + "\n").getBytes(StandardCharsets.US_ASCII);

  private final String containerId;
  private final QueueInputStream stdin = new QueueInputStream();
  private final ReentrantLock lock = new ReentrantLock();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final ByteArrayOutputStream greeting = new ByteArrayOutputStream();
  private final long readyDeadlineNanos;
  private volatile boolean broken;
  private volatile Pending pending;
  private volatile Callback callback;

  private StdioCommandChannel(String containerId, Duration readyWait) {
    this.containerId = containerId;
    this.readyDeadlineNanos = System.nanoTime() + readyWait.toNanos();
  }

  /**
   * Attaches to a created container's stdio and waits until the attach is established; start the
   * container afterwards so the server's greeting is not lost. The first commands wait up to {@code
   * readyWait} (counted from now) for the greeting before they fall back to exec.
   *
   * @throws SandboxException when the attach is not established within {@code attachTimeout}
   */
  static StdioCommandChannel attach(DockerClient docker, String containerId, Duration attachTimeout,
      Duration readyWait) {
    StdioCommandChannel channel = new StdioCommandChannel(containerId, readyWait);
    Callback callback = docker.attachContainerCmd(containerId).withStdIn(channel.stdin)
        .withStdOut(true).withStdErr(true).withFollowStream(true).exec(channel.new Callback());
    channel.callback = callback;
    try {
      if (!callback.awaitStarted(attachTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.close();
        throw new SandboxException("attach to sandbox " + DockerExec.shortId(containerId)
            + " not established in " + attachTimeout, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new SandboxException("interrupted while attaching to a sandbox", false, e);
    }
    return channel;
  }

  /** True once the server has greeted and until the channel breaks or is closed. */
  boolean usable() {
    return ready.getCount() == 0 && !broken;
  }

  /**
   * Runs {@code argv} like {@link DockerExec#run}, or returns empty without running anything when the
   * channel cannot take the command now.
   *
   * @throws SandboxException when the container ended while the command ran
   */
  Optional<DockerExec.Output> tryRun(List<String> argv, Duration timeout, int outputCapBytes) {
    if (broken || !awaitReady() || !lock.tryLock()) {
      return Optional.empty();
    }
    try {
      if (broken) {
        return Optional.empty();
      }
      long timeoutSeconds = DockerExec.timeoutSeconds(timeout);
      String token = HexFormat.of().formatHex(randomBytes());
      Pending current = new Pending(token, outputCapBytes);
      pending = current;
      long started = System.nanoTime();
      try {
        stdin.write(request(token, timeoutSeconds, argv));
      } catch (IOException e) {
        broken = true;
        return Optional.empty(); // nothing was sent: exec may run it
      }
      boolean finished = current.done.await(timeoutSeconds * 1000 + DockerExec.BACKSTOP_MILLIS,
          TimeUnit.MILLISECONDS);
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      if (!finished) {
        broken = true;
        LOG.warn("Sandbox(id={}) command channel gave no answer {} ms after the timeout; using exec from now on",
            DockerExec.shortId(containerId), DockerExec.BACKSTOP_MILLIS);
        return Optional.of(new DockerExec.Output(-1, current.stdout.target, current.stderr.target, elapsed, true));
      }
      if (current.streamEnded) {
        broken = true;
        throw new SandboxException("sandbox " + DockerExec.shortId(containerId) + " stopped while running a command", false);
      }
      return Optional.of(new DockerExec.Output(current.exitCode, current.stdout.target, current.stderr.target, elapsed, false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true; // the command may still be running: its answer would be taken for the next one's
      throw new SandboxException("interrupted while waiting for a command", false, e);
    } finally {
      pending = null;
      lock.unlock();
    }
  }

  private boolean awaitReady() {
    if (ready.getCount() == 0) {
      return true;
    }
    long waitNanos = readyDeadlineNanos - System.nanoTime();
    if (waitNanos <= 0) {
      return false;
    }
    try {
      return ready.await(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One line: token, timeout in seconds, the base64 of the shell-quoted command. */
  static byte[] request(String token, long timeoutSeconds, List<String> argv) {
    String script = StdioCommandServer.quote(argv);
    return (token + " " + timeoutSeconds + " "
        + Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Ends the server's stdin (the loop and so the container's main process end) and the attach. */
  @Override
  public void close() {
    broken = true;
    stdin.close();
    Callback attached = callback;
    if (attached != null) {
      try {
        attached.close();
      } catch (IOException e) {
        LOG.debug("Sandbox(id={}) attach close failed: {}", DockerExec.shortId(containerId), e.toString());
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private void onOutput(boolean isStderr, byte[] payload) {
    if (ready.getCount() > 0) {
      if (!isStderr) {
        greet(payload);
      }
      return;
    }
    Pending current = pending;
    if (current == null) {
      LOG.debug("Sandbox(id={}) wrote {} bytes between commands, dropped", DockerExec.shortId(containerId), payload.length);
      return;
    }
    current.accept(isStderr, payload);
  }

  private synchronized void greet(byte[] payload) {
    greeting.write(payload, 0, payload.length);
    byte[] seen = greeting.toByteArray();
    if (MarkerSplitter.indexOf(seen, HELLO, 0) >= 0) {
      ready.countDown();
    } else if (seen.length > 4096) {
      broken = true; // not our server: exec only
    }
  }

  private void onEnd() {
    broken = true;
    Pending current = pending;
    if (current != null) {
      current.streamEnded = true;
      current.done.countDown();
    }
  }

  /** The answer to the command in flight. */
  private static final class Pending {
    final MarkerSplitter stdout;
    final MarkerSplitter stderr;
    final CountDownLatch done = new CountDownLatch(1);
    volatile int exitCode = -1;
    volatile boolean streamEnded;

    Pending(String token, int capBytes) {
      stdout = new MarkerSplitter(("\0" + token + " ").getBytes(StandardCharsets.US_ASCII), new CappedOutput(capBytes), true);
      stderr = new MarkerSplitter(("\0" + token + "\n").getBytes(StandardCharsets.US_ASCII), new CappedOutput(capBytes), false);
    }

    synchronized void accept(boolean isStderr, byte[] payload) {
      (isStderr ? stderr : stdout).accept(payload);
      if (stdout.finished() && stderr.finished()) {
        exitCode = stdout.exitCode();
        done.countDown();
      }
    }
  }

  private final class Callback extends ResultCallback.Adapter<Frame> {
    @Override
    public void onNext(Frame frame) {
      onOutput(frame.getStreamType() == StreamType.STDERR, frame.getPayload());
    }

    @Override
    public void onError(Throwable throwable) {
      onEnd();
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      onEnd();
      super.onComplete();
    }
  }
}
