package io.botburrow.coordinator.duties;

import io.botburrow.audit.AuditArchive;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the audit archive's days older than the retention ({@code botburrow.audit.retention-days}):
 * today and the days before it, {@code retentionDays} in all, are kept. Redis streams expire by themselves.
 */
public final class AuditRetentionDuty extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionDuty.class);
  static final Duration INTERVAL = Duration.ofHours(1);
  private final AuditArchive archive;
  private final int retentionDays;
  private final Clock clock;

  public AuditRetentionDuty(AuditArchive archive, int retentionDays, Clock clock, Duration maxBackoff) {
    super(maxBackoff);
    this.archive = archive;
    this.retentionDays = retentionDays;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "audit-retention";
  }

  /** The first day kept on {@code today}. */
  public static LocalDate firstKept(LocalDate today, int retentionDays) {
    return today.minusDays(retentionDays - 1L);
  }

  @Override
  protected Duration step(long fencingToken) {
    LocalDate keep = firstKept(LocalDate.now(clock.withZone(ZoneOffset.UTC)), retentionDays);
    int deleted = archive.deleteBefore(keep);
    if (deleted > 0) {
      LOG.info("Audit archive: deleted {} object(s) of the days before {}", deleted, keep);
    }
    return INTERVAL;
  }
}
