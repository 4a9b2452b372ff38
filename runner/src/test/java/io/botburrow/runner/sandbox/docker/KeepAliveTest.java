package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void theMainProcessOnlySleeps() {
    assertThat(decorate(new KeepAlive(KeepAlive.SLEEP_LONG)).command()).containsExactly("sleep", "2147483647");
    assertThatThrownBy(() -> new KeepAlive(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
