package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PidsLimitTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void capsProcesses() {
    assertThat(DockerContainerCreator.hostConfig(decorate(new PidsLimit(64))).getPidsLimit()).isEqualTo(64L);
    assertThatThrownBy(() -> new PidsLimit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
