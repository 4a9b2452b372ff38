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
  private final Timer redis;
  private final Timer archive;
  private final DistributionSummary bytes;

  public AuditMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.redis = recording(registry, "redis");
    this.archive = recording(registry, "archive");
    // registered at zero, so that a dashboard and an alert see the series before the first failure
    failures("redis");
    failures("archive");
    this.bytes = DistributionSummary.builder("botburrow.audit.bytes")
        .description("Bytes of audit records of one activation (without the archived model responses)")
        .baseUnit("bytes")
        .register(registry);
  }

  /** @param store {@code redis} or {@code archive} */
  public void failed(String store) {
    failures(store).increment();
  }

  private Counter failures(String store) {
    return Counter.builder("botburrow.audit.failures")
        .description("Audit writes that failed; the activation went on")
        .tag("store", store)
        .register(registry);
  }

  /**
   * One run recorded.
   *
   * @param redis time spent appending its records to Redis (hashing included)
   * @param archive time spent writing it to the bucket
   */
  public void recorded(Duration redis, Duration archive, long recordBytes) {
    this.redis.record(redis);
    this.archive.record(archive);
    bytes.record(recordBytes);
  }

  private static Timer recording(MeterRegistry registry, String store) {
    return Timer.builder("botburrow.audit.recording")
        .description("Time one activation spent writing its audit trail, per store")
        .tag("store", store)
        .register(registry);
  }
}
