package io.botburrow.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentPhase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentStateViewTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private static Optional<ActivityReport> report(AgentPhase phase, String activation, Instant until) {
    return Optional.of(new ActivityReport(phase, activation, "r1", NOW.minusSeconds(1), until));
  }

  @Test
  void theRunningActivationsReportedPhaseIsItsState() {
    assertThat(AgentStateView.state(true, true, Optional.of("a1"), false, report(AgentPhase.THINKING, "a1", null), NOW))
        .isEqualTo("thinking");
    assertThat(AgentStateView.state(true, true, Optional.of("a1"), false, report(AgentPhase.EXECUTING, "a1", null), NOW))
        .isEqualTo("executing");
  }

  @Test
  void aReportAboutAnotherActivationOrNoneAtAllIsProcessing() {
    assertThat(AgentStateView.state(true, true, Optional.of("a2"), false, report(AgentPhase.EXECUTING, "a1", null), NOW))
        .isEqualTo("processing");
    assertThat(AgentStateView.state(true, true, Optional.of("a2"), false, Optional.empty(), NOW)).isEqualTo("processing");
  }

  @Test
  void afterAnActivationTheAgentCoolsDownUntilItsIntervalEnds() {
    assertThat(AgentStateView.state(true, true, Optional.empty(), false, report(AgentPhase.COOLDOWN, "a1", NOW.plusSeconds(30)), NOW))
        .isEqualTo("cooldown");
    assertThat(AgentStateView.state(true, true, Optional.empty(), false, report(AgentPhase.COOLDOWN, "a1", NOW.minusSeconds(1)), NOW))
        .isEqualTo("idle");
    // a thinking report without a running activation is a dead runner's last word
    assertThat(AgentStateView.state(true, true, Optional.empty(), false, report(AgentPhase.THINKING, "a1", null), NOW))
        .isEqualTo("idle");
  }

  @Test
  void offlineWhenTheDefinitionIsUnusableOrNoRunnerServesItsPoolAndErrorWhenItsCircuitIsOpen() {
    assertThat(AgentStateView.state(false, true, Optional.empty(), false, Optional.empty(), NOW)).isEqualTo("offline");
    assertThat(AgentStateView.state(true, false, Optional.empty(), false, Optional.empty(), NOW)).isEqualTo("offline");
    assertThat(AgentStateView.state(true, true, Optional.empty(), true, Optional.empty(), NOW)).isEqualTo("error");
  }
}
