package io.botburrow.audit;

import io.botburrow.audit.memory.InMemoryAuditLog;
import org.junit.jupiter.api.BeforeEach;

class InMemoryAuditLogTest implements AuditLogContract {
  private AuditLog log;

  @BeforeEach
  void create() {
    log = new InMemoryAuditLog();
  }

  @Override
  public AuditLog log() {
    return log;
  }
}
