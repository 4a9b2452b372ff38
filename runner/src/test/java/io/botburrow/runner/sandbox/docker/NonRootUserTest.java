package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonRootUserTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void runsAsNumericUser() {
    assertThat(decorate(NonRootUser.standard()).user()).isEqualTo("1000:1000");
    assertThat(decorate(new NonRootUser(2000, 3000)).user()).isEqualTo("2000:3000");
  }

  @Test
  void refusesRoot() {
    assertThatThrownBy(() -> new NonRootUser(0, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NonRootUser(1000, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
