package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuLimitTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void convertsCoresToNanoCpus() {
    assertThat(DockerContainerCreator.hostConfig(decorate(new CpuLimit(0.5))).getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(decorate(new CpuLimit(2)).nanoCpus()).isEqualTo(2_000_000_000L);
  }

  @Test
  void refusesZeroCpus() {
    assertThatThrownBy(() -> new CpuLimit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
