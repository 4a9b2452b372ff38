package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.SandboxLimits;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Creates and starts one hardened sandbox container with a fresh tmpfs-backed workspace volume. */
final class SandboxContainerFactory {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long the attach to a new container's stdio may take. */
  private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
  /** How long first commands wait for the command loop's greeting before they use exec. */
  private static final Duration GREETING_WAIT = Duration.ofSeconds(5);

  /**
   * A started container, its workspace volume and its stdio command channel (null when there is
   * none).
   */
  record Started(String containerId, String volume, StdioCommandChannel channel, HostAttachments attachments) {
    Started(String containerId, String volume) {
      this(containerId, volume, null, null);
    }

    /** Closes the channel, then force-removes the container and its volume, then its host directories. */
    void remove(ContainerRemover remover) {
      removeContainer(remover);
      if (attachments != null) {
        attachments.delete();
      }
    }

    /** Closes the channel, then force-removes the container and its volume. */
    void removeContainer(ContainerRemover remover) {
      if (channel != null) {
        channel.close();
      }
      remover.remove(containerId, volume);
    }
  }

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
   * Creates the volume, then the container, attaches its command channel, then starts it; on any
   * failure removes what was made.
   *
   * @throws io.botburrow.runner.sandbox.SandboxException on failure
   */
  Started start(String image, SandboxLimits limits, ManagedLabels labels) {
    return start(image, limits, labels, List.of());
  }

  /** As {@link #start(String, SandboxLimits, ManagedLabels)}, with the request's env and host directories. */
  Started start(String image, SandboxLimits limits, ManagedLabels labels, List<ContainerDecorator> extra) {
    String suffix = HexFormat.of().formatHex(randomBytes());
    String volume = "botburrow-ws-" + suffix;
    HostAttachments attachments = config.attachRoot() == null ? null
        : HostAttachments.create(config.attachRoot().resolve(suffix));
    try {
      createVolume(volume, limits, labels);
    } catch (RuntimeException e) {
      if (attachments != null) {
        attachments.delete();
      }
      throw e;
    }
    String containerId = null;
    StdioCommandChannel channel = null;
    try {
      ContainerSpec spec = ContainerSpec.builder(image)
          .apply(SandboxHardening.sandbox(limits, config.user(), volume, labels, mainProcess()))
          .apply(attachments == null ? List.of() : List.of(attachments))
          .apply(extra)
          .build();
      containerId = creator.create(spec, "botburrow-sandbox-" + suffix);
      if (config.stdioCommands()) {
        channel = StdioCommandChannel.attach(docker, containerId, ATTACH_TIMEOUT, GREETING_WAIT);
      }
      docker.startContainerCmd(containerId).exec();
      return new Started(containerId, volume, channel, attachments);
    } catch (RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      if (containerId != null) {
        remover.remove(containerId, volume);
      } else {
        remover.removeVolume(volume);
      }
      if (attachments != null) {
        attachments.delete();
      }
      throw DockerErrors.translate("cannot start a sandbox from " + image, e);
    }
  }

  private ContainerDecorator mainProcess() {
    return config.stdioCommands() ? new StdioCommandServer(config.keepAlive()) : new KeepAlive(config.keepAlive());
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
