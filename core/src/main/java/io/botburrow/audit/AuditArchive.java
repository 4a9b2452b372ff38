package io.botburrow.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The audit archive (the bucket in production): per UTC day and agent, one JSON-lines object per run
 * with its records, and one with the full model responses the run's {@code model_call} records name by
 * hash (what replay feeds the agent).
 */
public interface AuditArchive {

  /** One archived run. */
  record Run(LocalDate day, String agent, String run, List<AuditEntry> records) {
    public Run {
      records = List.copyOf(records);
    }
  }

  /**
   * Stores a run's records and responses, replacing an earlier copy of the same run. Blocks; idempotent.
   *
   * @param responses one JSON document per model call, in call order
   * @throws AuditUnavailableException when the archive cannot be reached or refuses the write
   */
  void store(LocalDate day, String agent, String run, List<AuditEntry> records, List<String> responses);

  /** The runs archived for {@code day}, all agents. Blocks. @throws AuditUnavailableException */
  List<Run> read(LocalDate day);

  /** The responses stored with {@code run}; empty when none were. Blocks. @throws AuditUnavailableException */
  List<String> responses(LocalDate day, String agent, String run);

  /** Deletes every day before {@code day}. Blocks; idempotent. @return the objects deleted */
  int deleteBefore(LocalDate day);

  /** The days held, oldest first. Blocks. */
  List<LocalDate> days();

  /** The latest run of {@code activationId} archived on {@code day}, if any. */
  default Optional<Run> find(LocalDate day, String activationId) {
    return read(day).stream()
        .filter(r -> !r.records().isEmpty() && r.records().getFirst().activation().equals(activationId))
        .reduce((a, b) -> b);
  }
}
