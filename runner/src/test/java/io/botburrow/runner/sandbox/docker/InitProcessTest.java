package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitProcessTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void runsDockerInitAsPidOne() {
    assertThat(DockerContainerCreator.hostConfig(ContainerSpec.builder("img").build()).getInit()).isFalse();
    assertThat(DockerContainerCreator.hostConfig(decorate(new InitProcess())).getInit()).isTrue();
  }
}
