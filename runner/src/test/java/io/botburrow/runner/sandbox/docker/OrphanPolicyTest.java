package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrphanPolicyTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final OrphanPolicy policy = new OrphanPolicy("me", Set.of("alive-peer")::contains);

  private static Map<String, String> labels(String runner, Instant expiresAt) {
    return ManagedLabels.of("sandbox", "act", "agent", runner, expiresAt).labels();
  }

  @Test
  void reapsContainersOfDeadRunners() {
    assertThat(policy.shouldReap(labels("dead-peer", NOW.plusSeconds(600)), NOW, false)).isTrue();
  }

  @Test
  void keepsUnexpiredContainersOfLiveRunnersIncludingItsOwn() {
    assertThat(policy.shouldReap(labels("alive-peer", NOW.plusSeconds(600)), NOW, false)).isFalse();
    assertThat(policy.shouldReap(labels("me", NOW.plusSeconds(600)), NOW, false)).isFalse();
  }

  @Test
  void reapsExpiredContainersEvenOfLiveRunners() {
    assertThat(policy.shouldReap(labels("alive-peer", NOW.minusSeconds(1)), NOW, false)).isTrue();
    assertThat(policy.shouldReap(labels("me", NOW.minusSeconds(1)), NOW, false)).isTrue();
  }

  @Test
  void neverReapsWhatThisProcessStillUses() {
    assertThat(policy.shouldReap(labels("me", NOW.minusSeconds(1)), NOW, true)).isFalse();
  }

  @Test
  void neverReapsUnmanagedContainers() {
    assertThat(policy.shouldReap(Map.of("io.botburrow.runner", "dead-peer"), NOW, false)).isFalse();
    assertThat(policy.shouldReap(null, NOW, false)).isFalse();
  }

  @Test
  void treatsBrokenLabelsAsOrphaned() {
    assertThat(policy.shouldReap(Map.of("io.botburrow.managed", "true"), NOW, false)).isTrue();
    assertThat(policy.shouldReap(Map.of("io.botburrow.managed", "true", "io.botburrow.runner", "me",
        "io.botburrow.expires-at", "tomorrow"), NOW, false)).isTrue();
  }
}
