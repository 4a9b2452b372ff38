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

  /**
   * Entries of {@code day}'s log and where the next read continues: without a position, the last
   * {@code backlog} entries; with one, those appended after it, waiting up to {@code wait} for the first.
   */
  record Page(List<AuditEntry> entries, String position) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Follows the log of {@code day} (the live feed of the dashboard). Blocks up to {@code wait} when
   * nothing is new.
   *
   * @param position null for the start of the feed, else the {@link Page#position()} of the previous page
   * @throws AuditUnavailableException when the store cannot be reached
   */
  Page follow(LocalDate day, String position, int backlog, java.time.Duration wait);
}
