package io.botburrow.coordinator.duties;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.audit.AuditChain;
import io.botburrow.audit.memory.InMemoryAuditArchive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRetentionDutyTest {
  private final InMemoryAuditArchive archive = new InMemoryAuditArchive();

  private void archiveRunOn(LocalDate day) {
    AuditChain chain = new AuditChain("run-" + day, "act", "alice");
    archive.store(day, "alice", chain.run(), List.of(chain.append("started", Map.of(), day.atStartOfDay().toInstant(ZoneOffset.UTC))),
        List.of());
  }

  @Test
  void keepsTodayAndTheDaysBeforeItWithinTheRetentionAndDeletesTheRest() {
    LocalDate today = LocalDate.parse("2026-12-03");
    for (int back = 0; back < 5; back++) {
      archiveRunOn(today.minusDays(back));
    }
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    Duration next = new AuditRetentionDuty(archive, 3, clock, Duration.ofMinutes(1)).step(1);

    assertThat(archive.days()).containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"), today);
    assertThat(next).isEqualTo(Duration.ofHours(1));
  }
}
