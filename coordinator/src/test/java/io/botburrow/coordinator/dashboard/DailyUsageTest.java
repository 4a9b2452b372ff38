package io.botburrow.coordinator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.audit.AuditChain;
import io.botburrow.audit.memory.InMemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyUsageTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final DailyUsage usage = new DailyUsage(log, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void sumsTheModelCallsOfEachAgentPerDayOldestDayFirst() {
    modelCall(LocalDate.of(2026, 12, 1), "run-1", "concierge", 100, 20, 0.01);
    modelCall(LocalDate.of(2026, 12, 3), "run-2", "concierge", 1000, 200, 0.10);
    modelCall(LocalDate.of(2026, 12, 3), "run-2", "concierge", 500, 100, 0.05);
    modelCall(LocalDate.of(2026, 12, 3), "run-3", "scout", 10, 5, 0.001);

    var days = usage.lastDays(3);

    assertThat(days).extracting(DailyUsage.Day::day)
        .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3));
    assertThat(days.get(0).agents()).containsExactly(Map.entry("concierge", new DailyUsage.Usage(120, 0.01, 1)));
    assertThat(days.get(1).agents()).isEmpty();
    assertThat(days.get(2).agents().get("concierge").tokens()).isEqualTo(1800);
    assertThat(days.get(2).agents().get("concierge").costUsd()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(days.get(2).agents().get("concierge").activations()).isEqualTo(1);
    assertThat(days.get(2).agents().get("scout")).isEqualTo(new DailyUsage.Usage(15, 0.001, 1));
  }

  @Test
  void refusesARangeOutsideOneToThirtyOneDays() {
    assertThatThrownBy(() -> usage.lastDays(0)).hasMessageContaining("between 1 and 31");
    assertThatThrownBy(() -> usage.lastDays(32)).hasMessageContaining("between 1 and 31");
  }

  private void modelCall(LocalDate day, String run, String agent, int in, int out, double cost) {
    AuditChain chain = new AuditChain(run, "act-" + run, agent);
    log.append(day, chain.append("started", Map.of("kind", "notification"), day.atStartOfDay().toInstant(ZoneOffset.UTC)));
    log.append(day, chain.append("model_call",
        Map.of("input_tokens", in, "output_tokens", out, "cost_usd", cost), day.atStartOfDay().toInstant(ZoneOffset.UTC)));
  }
}
