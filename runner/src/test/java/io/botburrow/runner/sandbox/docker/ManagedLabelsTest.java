package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedLabelsTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void namesOwnerAndExpiry() {
    Instant expiry = Instant.parse("2026-01-02T03:04:05Z");
    ContainerSpec spec = decorate(ManagedLabels.of("sandbox", "act-1", "agent-a", "runner-1", expiry));
    assertThat(spec.labels())
        .containsEntry("io.botburrow.managed", "true")
        .containsEntry("io.botburrow.activation", "act-1")
        .containsEntry("io.botburrow.agent", "agent-a")
        .containsEntry("io.botburrow.runner", "runner-1")
        .containsEntry("io.botburrow.expires-at", "2026-01-02T03:04:05Z")
        .containsEntry("io.botburrow.role", "sandbox");
  }
}
