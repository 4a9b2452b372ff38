package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.SandboxLimits;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** Creates and starts one hardened sandbox container with a fresh tmpfs-backed workspace volume. */
final class SandboxContainerFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A started container and its workspace volume. */
  record Started(String containerId, String volume) {}

  private final DockerClient docker;
  private final DockerContainerCreator creator;
  private final ContainerRemover remover;
  private final DockerSandboxConfig config;

  SandboxContainerFactory(DockerClient docker, ContainerRemover remover, DockerSandboxConfig config) {
    this.docker = docker;
    this.creator = new DockerContainerCreator(docker);
    this.remover = remover;
    this.config = config;
  }

  /**
   * Creates the volume, then the container, then starts it; on any failure removes what was made.
   *
   * @throws io.botburrow.runner.sandbox.SandboxException on failure
   */
  Started start(String image, SandboxLimits limits, ManagedLabels labels) {
    String suffix = HexFormat.of().formatHex(randomBytes());
    String volume = "botburrow-ws-" + suffix;
    createVolume(volume, limits, labels);
    String containerId = null;
    try {
      ContainerSpec spec = ContainerSpec.builder(image)
          .apply(SandboxHardening.sandbox(limits, config.user(), volume, labels, new KeepAlive(config.keepAlive())))
          .build();
      containerId = creator.create(spec, "botburrow-sandbox-" + suffix);
      docker.startContainerCmd(containerId).exec();
      return new Started(containerId, volume);
    } catch (RuntimeException e) {
      if (containerId != null) {
        remover.remove(containerId, volume);
      } else {
        remover.removeVolume(volume);
      }
      throw DockerErrors.translate("cannot start a sandbox from " + image, e);
    }
  }

  /** An in-memory volume: capped in size, owned by the sandbox user, gone when removed. */
  private void createVolume(String volume, SandboxLimits limits, ManagedLabels labels) {
    String options = "size=" + limits.tmpfsBytes() + ",uid=" + config.user().uid() + ",gid="
        + config.user().gid() + ",mode=0755";
    try {
      docker.createVolumeCmd().withName(volume).withDriver("local")
          .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", options))
          .withLabels(labels.labels()).exec();
    } catch (RuntimeException e) {
      throw DockerErrors.translate("cannot create workspace volume", e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
