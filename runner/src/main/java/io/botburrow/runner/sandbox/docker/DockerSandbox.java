package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.FileEntry;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started sandbox container plus its workspace volume and command channel. */
final class DockerSandbox implements Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);
  private static final Duration COUNTERS_TIMEOUT = Duration.ofSeconds(5);

  private final SandboxContainerFactory.Started container;
  private final SandboxRequest request;
  private final SandboxCommands commands;
  private final DockerWorkspaceFiles files;
  private final ContainerRemover remover;
  private final SandboxEvents events;
  private final AtomicBoolean closed = new AtomicBoolean();
  private LimitSignals.Counters lastCounters = LimitSignals.Counters.ZERO;

  DockerSandbox(SandboxContainerFactory.Started container, SandboxRequest request, SandboxCommands commands,
      DockerWorkspaceFiles files, ContainerRemover remover, SandboxEvents events) {
    this.container = container;
    this.request = request;
    this.commands = commands;
    this.files = files;
    this.remover = remover;
    this.events = events;
  }

  @Override
  public String id() {
    return container.containerId();
  }

  @Override
  public String workspaceId() {
    return container.volume();
  }

  @Override
  public SandboxRequest request() {
    return request;
  }

  @Override
  public Optional<Attachments> attachments() {
    return Optional.ofNullable(container.attachments()).map(HostAttachments::view);
  }

  @Override
  public ExecResult exec(List<String> argv, Duration timeout, int outputCapBytes) {
    DockerExec.Output out = commands.run(argv, timeout, outputCapBytes);
    String stdout = out.stdout().text();
    String stderr = out.stderr().text();
    boolean timedOut = out.backstopHit()
        || LimitSignals.timedOut(out.exitCode(), out.elapsedMillis(), timeout.toMillis());
    boolean forkText = LimitSignals.looksLikeForkFailure(stdout, stderr);
    boolean oomKilled = false;
    boolean pidsExhausted = forkText;
    if (LimitSignals.worthChecking(out.exitCode(), timedOut, forkText)) {
      LimitSignals.Counters now = readCounters();
      LimitSignals.Counters before = swapCounters(now);
      oomKilled = now.oomKills() > before.oomKills();
      pidsExhausted = forkText || now.pidsLimitHits() > before.pidsLimitHits();
    }
    ExecResult result = new ExecResult(out.exitCode(), stdout, stderr,
        out.stdout().truncated() || out.stderr().truncated(), timedOut, oomKilled, pidsExhausted);
    events.commandEnded(request, result);
    return result;
  }

  private synchronized LimitSignals.Counters swapCounters(LimitSignals.Counters now) {
    LimitSignals.Counters before = lastCounters;
    lastCounters = now;
    return before;
  }

  /** Best effort: after a fork bomb the counters may not be readable until its processes die. */
  private LimitSignals.Counters readCounters() {
    try {
      DockerExec.Output out = commands.run(List.of("sh", "-c", LimitSignals.READ_COUNTERS_SCRIPT),
          COUNTERS_TIMEOUT, 8192);
      if (out.exitCode() != 0) { // the script ends with `true`: it did not run (no process left to fork?)
        return lastCounters;
      }
      return LimitSignals.Counters.parse(out.stdout().text());
    } catch (RuntimeException e) {
      LOG.debug("Sandbox(id={}) cannot read limit counters: {}", DockerExec.shortId(id()), e.toString());
      return lastCounters;
    }
  }

  @Override
  public byte[] readFile(String path, int maxBytes) {
    return files.read(path, maxBytes);
  }

  @Override
  public void writeFile(String path, byte[] content) {
    files.write(path, content);
  }

  @Override
  public List<FileEntry> listFiles(String directory, int maxDepth) {
    return files.list(directory, maxDepth);
  }

  @Override
  public void close() {
    close(attachments -> {});
  }

  @Override
  public void close(java.util.function.Consumer<Attachments> afterStop) {
    if (closed.compareAndSet(false, true)) {
      try {
        container.removeContainer(remover);
        if (container.attachments() != null) {
          afterStop.accept(container.attachments().view());
        }
      } finally {
        if (container.attachments() != null) {
          container.attachments().delete();
        }
        events.closed(request);
      }
    }
  }

  @Override
  public String toString() {
    return "DockerSandbox[" + DockerExec.shortId(id()) + ", activation=" + request.activationId() + "]";
  }
}
