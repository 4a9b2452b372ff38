package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModeTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void noneIsTheSandboxNetwork() {
    assertThat(DockerContainerCreator.hostConfig(decorate(NetworkMode.none())).getNetworkMode()).isEqualTo("none");
  }

  @Test
  void sidecarsMayAskForAnotherNetwork() {
    assertThat(decorate(new NetworkMode("bridge")).networkMode()).isEqualTo("bridge");
    assertThatThrownBy(() -> new NetworkMode(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
