package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryLimitTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void disablesSwapBySettingMemorySwapToMemory() {
    var host = DockerContainerCreator.hostConfig(decorate(new MemoryLimit(64L << 20)));
    assertThat(host.getMemory()).isEqualTo(64L << 20);
    assertThat(host.getMemorySwap()).isEqualTo(64L << 20);
  }

  @Test
  void refusesNonPositiveMemory() {
    assertThatThrownBy(() -> new MemoryLimit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
