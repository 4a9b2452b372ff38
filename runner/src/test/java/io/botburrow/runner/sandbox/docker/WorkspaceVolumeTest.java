package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceVolumeTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void mountsTheVolumeAtWorkspaceAndWorksThere() {
    ContainerSpec spec = decorate(new WorkspaceVolume("ws-1"));
    assertThat(spec.workingDir()).isEqualTo("/workspace");
    var mounts = DockerContainerCreator.hostConfig(spec).getMounts();
    assertThat(mounts).hasSize(1);
    assertThat(mounts.get(0).getSource()).isEqualTo("ws-1");
    assertThat(mounts.get(0).getTarget()).isEqualTo("/workspace");
    assertThat(mounts.get(0).getReadOnly()).isFalse();
  }
}
