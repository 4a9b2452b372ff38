package io.botburrow.audit.memory;

import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The audit log in memory, unbounded, for unit tests and single-process development. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
  private final Map<LocalDate, List<AuditEntry>> days = new ConcurrentHashMap<>();

  @Override
  public void append(LocalDate day, AuditEntry entry) {
    List<AuditEntry> log = days.computeIfAbsent(day, d -> new ArrayList<>());
    synchronized (log) {
      log.add(entry);
    }
  }

  @Override
  public List<AuditEntry> read(LocalDate day) {
    List<AuditEntry> log = days.getOrDefault(day, List.of());
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  @Override
  public boolean bounded() {
    return false;
  }

  @Override
  public Page follow(LocalDate day, String position, int backlog, java.time.Duration wait) {
    List<AuditEntry> log = read(day);
    int from = position == null ? Math.max(0, log.size() - backlog) : Integer.parseInt(position);
    return new Page(log.subList(Math.min(from, log.size()), log.size()), Integer.toString(log.size()));
  }

  /** Replaces the {@code index}th entry of {@code day} (tests of verification). */
  public void replace(LocalDate day, int index, AuditEntry entry) {
    List<AuditEntry> log = days.get(day);
    synchronized (log) {
      log.set(index, entry);
    }
  }
}
