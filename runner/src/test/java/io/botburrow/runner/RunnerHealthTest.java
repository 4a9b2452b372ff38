package io.botburrow.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunnerHealthTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final RunnerHealth health = new RunnerHealth(Duration.ofSeconds(1), Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void aRunningRunnerWhoseSlotsWorkAndHeartbeatTicksIsHealthy() {
    health.slotWorked(T0.plusSeconds(1));
    health.heartbeat(T0.plusSeconds(1));

    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(2))).isNull();
  }

  @Test
  void slotsThatCannotClaimForMoreThanThreeHeartbeatsMakeItUnhealthy() {
    health.heartbeat(T0);
    health.slotFailed(T0);
    health.heartbeat(T0.plusSeconds(3));

    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(2))).isNull();
    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(4))).contains("slots cannot claim work");

    health.slotWorked(T0.plusSeconds(4));
    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(4))).isNull();
  }

  @Test
  void aStoppedHeartbeatMakesItUnhealthy() {
    health.heartbeat(T0);

    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(5))).isNull();
    assertThat(health.problem(RunnerState.RUNNING, T0.plusSeconds(7))).contains("heartbeat stopped");
  }

  @Test
  void aStoppedRunnerIsNotHealthyButADrainingOneIs() {
    assertThat(health.problem(RunnerState.STOPPED, T0)).contains("stopped");
    assertThat(health.problem(RunnerState.DRAINING, T0.plusSeconds(60))).isNull();
  }
}
