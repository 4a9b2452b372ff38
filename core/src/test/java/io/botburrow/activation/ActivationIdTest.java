package io.botburrow.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivationIdTest {

  @Test
  void idsSortInCreationOrderAndCarryTheirTime() {
    Instant t = Instant.parse("2026-11-21T10:00:00.123Z");
    ActivationId earlier = ActivationId.next(t);
    ActivationId later = ActivationId.next(t.plusMillis(1));

    assertThat(earlier.value()).hasSize(28).matches("[0-9a-f]{28}");
    assertThat(earlier).isLessThan(later);
    assertThat(earlier.createdAt()).isEqualTo(t);
  }

  @Test
  void rejectsMalformedIds() {
    assertThatThrownBy(() -> new ActivationId("XYZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivationId("0123456789abcdef0123456789aG")).isInstanceOf(IllegalArgumentException.class);
  }
}
