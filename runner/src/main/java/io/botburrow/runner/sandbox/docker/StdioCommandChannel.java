package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.botburrow.runner.sandbox.SandboxException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

  private final String containerId;
  private final QueueInputStream stdin = new QueueInputStream();
  private final ReentrantLock lock = new ReentrantLock();
  private final ServerGreeting greeting;
  private volatile boolean broken;
  private volatile PendingCommand pending;
  private volatile Callback callback;

  private StdioCommandChannel(String containerId, Duration readyWait) {
    this.containerId = containerId;
    this.greeting = new ServerGreeting(readyWait);
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
    return greeting.greeted() && !broken;
  }

  /**
   * Runs {@code argv} like {@link DockerExec#run}, or returns empty without running anything when the
   * channel cannot take the command now.
   *
   * @throws SandboxException when the container ended while the command ran
   */
  Optional<DockerExec.Output> tryRun(List<String> argv, Duration timeout, int outputCapBytes) {
    if (broken || !greeting.await() || !lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return broken ? Optional.empty() : send(argv, DockerExec.timeoutSeconds(timeout), outputCapBytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true; // the command may still be running: its answer would be taken for the next one's
      throw new SandboxException("interrupted while waiting for a command", false, e);
    } finally {
      pending = null;
      lock.unlock();
    }
  }

  /** Sends the command and waits for its answer; called holding the lock. */
  private Optional<DockerExec.Output> send(List<String> argv, long timeoutSeconds, int outputCapBytes)
      throws InterruptedException {
    String token = CommandProtocol.newToken();
    PendingCommand current = new PendingCommand(token, outputCapBytes);
    pending = current;
    long started = System.nanoTime();
    try {
      stdin.write(CommandProtocol.request(token, timeoutSeconds, argv));
    } catch (IOException e) {
      broken = true;
      return Optional.empty(); // nothing was sent: exec may run it
    }
    boolean finished = current.await(timeoutSeconds * 1000 + DockerExec.BACKSTOP_MILLIS);
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

  private void onOutput(boolean isStderr, byte[] payload) {
    if (!greeting.greeted()) {
      if (!isStderr && !greeting.accept(payload)) {
        broken = true; // not our server: exec only
      }
      return;
    }
    PendingCommand current = pending;
    if (current == null) {
      LOG.debug("Sandbox(id={}) wrote {} bytes between commands, dropped", DockerExec.shortId(containerId), payload.length);
      return;
    }
    current.accept(isStderr, payload);
  }

  private void onEnd() {
    broken = true;
    PendingCommand current = pending;
    if (current != null) {
      current.endStream();
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
