package io.botburrow.runner.sandbox.docker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a sandbox's commands run: over its stdio command channel when that is free and working,
 * otherwise through {@code docker exec}. Both run the command the same way (user, working
 * directory, timeout, output cap), so callers cannot tell them apart but for speed.
 */
final class SandboxCommands {
  private final DockerExec exec;
  private final String containerId;
  private final StdioCommandChannel channel;

  /** @param channel null when the container has none */
  SandboxCommands(DockerExec exec, String containerId, StdioCommandChannel channel) {
    this.exec = exec;
    this.containerId = containerId;
    this.channel = channel;
  }

  DockerExec.Output run(List<String> argv, Duration timeout, int outputCapBytes) {
    if (channel != null) {
      Optional<DockerExec.Output> output = channel.tryRun(argv, timeout, outputCapBytes);
      if (output.isPresent()) {
        return output.get();
      }
    }
    return exec.run(containerId, argv, timeout, outputCapBytes);
  }
}
