package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyRootFsTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void marksRootFilesystemReadOnly() {
    assertThat(ContainerSpec.builder("img").build().readOnlyRootfs()).isFalse();
    assertThat(decorate(new ReadOnlyRootFs()).readOnlyRootfs()).isTrue();
    assertThat(DockerContainerCreator.hostConfig(decorate(new ReadOnlyRootFs())).getReadonlyRootfs()).isTrue();
  }
}
