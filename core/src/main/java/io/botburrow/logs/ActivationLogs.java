package io.botburrow.logs;

import java.time.Duration;
import java.util.List;

/**
 * The recent log lines of each activation (the runner's lines that carry its {@code activation_id}),
 * already redacted, for the dashboard's live log. Bounded per activation and short-lived: this is a
 * view of what runs now, not an archive (the audit trail is the record). Methods block on the store and
 * throw {@link LogsUnavailableException} when it cannot be reached.
 */
public interface ActivationLogs {

  /** Appends {@code lines} to the log of {@code activationId}, dropping its oldest lines past the bound. */
  void append(String activationId, List<String> lines);

  /** Lines and where the next read continues. */
  record Page(List<String> lines, String position) {
    public Page {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Follows the log of {@code activationId}: without a position every line still held, else the lines
   * appended after it, waiting up to {@code wait} for the first.
   */
  Page follow(String activationId, String position, Duration wait);
}
