package io.botburrow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does, run against the in-memory and the Redis log. */
interface AuditLogContract {
  LocalDate DAY = LocalDate.parse("2026-12-03");

  AuditLog log();

  @Test
  default void readsBackWhatWasAppendedInOrderPerDay() {
    AuditChain chain = new AuditChain("r1", "act1", "alice");
    AuditEntry first = chain.append("started", Map.of("kind", "notification"), Instant.parse("2026-12-03T10:00:00Z"));
    AuditEntry second = chain.append("finished", Map.of("status", "succeeded"), Instant.parse("2026-12-03T10:00:01Z"));

    log().append(DAY, first);
    log().append(DAY, second);

    assertThat(log().read(DAY)).containsExactly(first, second);
    assertThat(log().read(DAY.plusDays(1))).isEmpty();
    assertThat(AuditVerifier.verify(java.util.List.of(new AuditVerifier.Source("log", log().read(DAY), log().bounded())))
        .ok()).isTrue();
  }

  @Test
  default void followingStartsWithTheNewestEntriesAndThenHandsOnlyNewOnes() {
    AuditChain chain = new AuditChain("r3", "act3", "carol");
    Instant at = Instant.parse("2026-12-03T10:00:00Z");
    AuditEntry first = chain.append("started", Map.of(), at);
    AuditEntry second = chain.append("model_call", Map.of(), at);
    AuditEntry third = chain.append("finished", Map.of(), at);
    log().append(DAY, first);
    log().append(DAY, second);

    AuditLog.Page start = log().follow(DAY, null, 1, java.time.Duration.ofMillis(10));
    AuditLog.Page nothingNew = log().follow(DAY, start.position(), 1, java.time.Duration.ofMillis(10));
    log().append(DAY, third);
    AuditLog.Page next = log().follow(DAY, nothingNew.position(), 1, java.time.Duration.ofMillis(10));

    assertThat(start.entries()).containsExactly(second);
    assertThat(nothingNew.entries()).isEmpty();
    assertThat(next.entries()).containsExactly(third);
    assertThat(log().follow(DAY.plusDays(1), null, 10, java.time.Duration.ofMillis(10)).entries()).isEmpty();
  }

  @Test
  default void readsManyEntries() {
    AuditChain chain = new AuditChain("r2", "act2", "bob");
    for (int i = 0; i < 2500; i++) {
      log().append(DAY, chain.append("tool_call", Map.of("i", i), Instant.parse("2026-12-03T10:00:00Z")));
    }

    assertThat(log().read(DAY)).hasSize(2500).extracting(AuditEntry::run).containsOnly("r2");
  }
}
