package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropAllCapabilitiesTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void dropsEveryCapability() {
    ContainerSpec spec = decorate(new DropAllCapabilities());
    assertThat(spec.capDrop()).containsExactly("ALL");
    assertThat(DockerContainerCreator.hostConfig(spec).getCapDrop())
        .containsExactly(com.github.dockerjava.api.model.Capability.ALL);
  }
}
