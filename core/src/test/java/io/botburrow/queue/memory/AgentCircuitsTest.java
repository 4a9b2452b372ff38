package io.botburrow.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueSettings;
import io.botburrow.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentCircuitsTest {
  private final MutableClock clock = new MutableClock();
  private final AgentCircuits circuits = new AgentCircuits(QueueSettings.defaults(), clock);

  @Test
  void eachFailureOpensTheCircuitForThePolicysBackoff() {
    circuits.failed("alice");
    assertThat(circuits.isOpen("alice")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(circuits.isOpen("alice")).isFalse();

    circuits.failed("alice");

    assertThat(circuits.open()).containsExactly(
        new OpenCircuit("alice", 2, clock.instant().plus(Duration.ofMinutes(2))));
  }

  @Test
  void aDeferralHoldsTheCircuitWithoutCountingAFailureAndNeverShortensIt() {
    circuits.holdUntil("alice", clock.instant().plusSeconds(5));
    assertThat(circuits.open()).containsExactly(new OpenCircuit("alice", 0, clock.instant().plusSeconds(5)));

    circuits.failed("bob");
    circuits.holdUntil("bob", clock.instant().plusSeconds(5));

    assertThat(circuits.open()).contains(new OpenCircuit("bob", 1, clock.instant().plus(Duration.ofMinutes(1))));
  }

  @Test
  void aResetForgetsTheCircuit() {
    circuits.failed("alice");

    assertThat(circuits.reset("alice")).isTrue();
    assertThat(circuits.isOpen("alice")).isFalse();
    assertThat(circuits.reset("alice")).isFalse();
  }
}
