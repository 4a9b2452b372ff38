package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoNewPrivilegesTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void forbidsPrivilegeEscalation() {
    ContainerSpec spec = decorate(new NoNewPrivileges());
    assertThat(DockerContainerCreator.hostConfig(spec).getSecurityOpts()).containsExactly("no-new-privileges:true");
  }
}
