package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.Sandbox;
import java.util.Objects;

/**
 * Mounts the activation's workspace volume at {@link Sandbox#WORKSPACE}; the same volume is mounted
 * by the activation's file-working MCP sidecars, so they see the sandbox's files.
 */
public record WorkspaceVolume(String volume) implements ContainerDecorator {
  public WorkspaceVolume {
    Objects.requireNonNull(volume, "volume");
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.volume(new ContainerSpec.VolumeMount(volume, Sandbox.WORKSPACE, false))
        .workingDir(Sandbox.WORKSPACE);
  }
}
