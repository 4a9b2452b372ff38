package io.botburrow.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * The live audit trail: one bounded, append-only log per UTC day (a Redis stream in production). A run's
 * records all go to the day its run started, so a run never spans two logs.
 */
public interface AuditLog {

  /**
   * Appends {@code entry} to the log of {@code day}. Blocks on the store; not idempotent (a retried append
   * stores the record twice, which verification reports as a repeat).
   *
   * @throws AuditUnavailableException when the store cannot be reached
   */
  void append(LocalDate day, AuditEntry entry);

  /**
   * Every entry of {@code day}'s log still held, in append order. Blocks.
   *
   * @throws AuditUnavailableException when the store cannot be reached
   */
  List<AuditEntry> read(LocalDate day);

  /** Whether the log drops its oldest entries when full (then a run may have lost its first records). */
  boolean bounded();
}
