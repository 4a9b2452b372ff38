package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import java.util.List;
import java.util.Map;

/** Translates a {@link ContainerSpec} to docker-java and creates the container. */
public final class DockerContainerCreator {
  private final DockerClient docker;

  public DockerContainerCreator(DockerClient docker) {
    this.docker = docker;
  }

  /** Creates (does not start) the container and returns its id. */
  public String create(ContainerSpec spec, String name) {
    try (CreateContainerCmd cmd = docker.createContainerCmd(spec.image())) {
      cmd.withHostConfig(hostConfig(spec)).withLabels(spec.labels()).withTty(false);
      if (name != null) {
        cmd.withName(name);
      }
      if (!spec.command().isEmpty()) {
        cmd.withCmd(spec.command());
      }
      if (spec.user() != null) {
        cmd.withUser(spec.user());
      }
      if (spec.workingDir() != null) {
        cmd.withWorkingDir(spec.workingDir());
      }
      if (!spec.env().isEmpty()) {
        cmd.withEnv(env(spec.env()));
      }
      if (spec.attachStdio()) {
        // StdInOnce: closing our attach stream closes the process's stdin, which stops the sidecar.
        cmd.withStdinOpen(true).withStdInOnce(true)
            .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true);
      }
      return cmd.exec().getId();
    }
  }

  /** The host part of the spec; pure, so the hardening can be checked without Docker. */
  public static HostConfig hostConfig(ContainerSpec spec) {
    HostConfig host = HostConfig.newHostConfig()
        .withReadonlyRootfs(spec.readOnlyRootfs())
        .withInit(spec.init())
        .withSecurityOpts(spec.securityOpts().isEmpty() ? null : spec.securityOpts())
        .withCapDrop(spec.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new))
        .withTmpFs(spec.tmpfs().isEmpty() ? null : spec.tmpfs())
        .withMounts(spec.volumes().stream().map(DockerContainerCreator::mount).toList());
    if (spec.networkMode() != null) {
      host.withNetworkMode(spec.networkMode());
    }
    if (spec.nanoCpus() > 0) {
      host.withNanoCPUs(spec.nanoCpus());
    }
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memorySwapBytes());
    }
    if (spec.pidsLimit() > 0) {
      host.withPidsLimit(spec.pidsLimit());
    }
    return host;
  }

  private static Mount mount(ContainerSpec.VolumeMount volume) {
    if (volume.hostDirectory()) {
      return new Mount().withType(MountType.BIND).withSource(volume.volume()).withTarget(volume.path())
          .withReadOnly(volume.readOnly());
    }
    return new Mount().withType(MountType.VOLUME).withSource(volume.volume())
        .withTarget(volume.path()).withReadOnly(volume.readOnly())
        .withVolumeOptions(new VolumeOptions().withNoCopy(true));
  }

  private static List<String> env(Map<String, String> env) {
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
