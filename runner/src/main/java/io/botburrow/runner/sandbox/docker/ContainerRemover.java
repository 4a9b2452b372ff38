package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Force-removes a container and then its volume. Never throws: the reaper catches what is left. */
public final class ContainerRemover {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerRemover.class);
  private final DockerClient docker;

  public ContainerRemover(DockerClient docker) {
    this.docker = docker;
  }

  /** Removes the container (running or not) and, when {@code volume} is not null, the volume. */
  public void remove(String containerId, String volume) {
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      LOG.debug("Container(id={}) already gone", DockerExec.shortId(containerId));
    } catch (RuntimeException e) {
      LOG.warn("Container(id={}) not removed, the reaper will retry: {}", DockerExec.shortId(containerId), e.toString());
    }
    if (volume != null) {
      removeVolume(volume);
    }
  }

  public void removeVolume(String volume) {
    try {
      docker.removeVolumeCmd(volume).exec();
    } catch (NotFoundException e) {
      LOG.debug("Volume(name={}) already gone", volume);
    } catch (RuntimeException e) {
      LOG.warn("Volume(name={}) not removed, the reaper will retry: {}", volume, e.toString());
    }
  }
}
