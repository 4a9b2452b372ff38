package io.botburrow.runner.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What recording the audit trail costs and how often it fails. */
public class AuditMetrics {
  public static final AuditMetrics NONE = new AuditMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  private final MeterRegistry registry;
  private final Timer recording;
  private final DistributionSummary bytes;

  public AuditMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.recording = Timer.builder("botburrow.audit.recording")
        .description("Time an activation spent writing its audit trail (Redis appends and the archive)")
        .register(registry);
    this.bytes = DistributionSummary.builder("botburrow.audit.bytes")
        .description("Bytes of audit records of one activation (without the archived model responses)")
        .baseUnit("bytes")
        .register(registry);
  }

  /** @param store {@code redis} or {@code archive} */
  public void failed(String store) {
    Counter.builder("botburrow.audit.failures")
        .description("Audit writes that failed; the activation went on")
        .tag("store", store)
        .register(registry)
        .increment();
  }

  public void recorded(Duration took, long recordBytes) {
    recording.record(took);
    bytes.record(recordBytes);
  }
}
