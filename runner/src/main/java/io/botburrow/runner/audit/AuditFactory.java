package io.botburrow.runner.audit;

import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.secrets.Redactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The runner's audit recorder over the Redis log and the bucket archive, whichever are configured. */
@Factory
@Requires(env = "runner")
class AuditFactory {
  @Singleton
  AuditRecorder auditRecorder(@Nullable AuditLog log, @Nullable AuditArchive archive, AuditProperties properties,
      Redactor redactor, MeterRegistry registry, Clock clock) {
    return new AuditRecorder(log, archive, properties, redactor, new AuditMetrics(registry), clock);
  }

  /** Tells each activation's trail of its sandbox: acquired (warm or not), each command's ending, closed. */
  @Singleton
  io.botburrow.runner.sandbox.SandboxEvents auditSandboxEvents(AuditRecorder recorder) {
    return recorder.sandboxEvents();
  }
}
