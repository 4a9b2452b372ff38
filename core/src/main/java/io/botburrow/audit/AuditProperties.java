package io.botburrow.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * The audit trail ({@code botburrow.audit.*}).
 *
 * @param enabled whether runners record activations, default true
 * @param retentionDays days a day's Redis stream and archive are kept, default {@value #DEFAULT_RETENTION_DAYS}
 * @param streamMaxLength about how many records a day's Redis stream keeps (older ones are trimmed), default 100000
 * @param archive whether a run's records and model responses are written to the bucket when it ends, default true
 * @param maxResponseChars longest model response text archived for replay; longer ones are cut, default 65536
 */
@ConfigurationProperties("botburrow.audit")
public record AuditProperties(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "30") @Min(1) int retentionDays,
    @Bindable(defaultValue = "100000") @Min(100) long streamMaxLength,
    @Bindable(defaultValue = "true") boolean archive,
    @Bindable(defaultValue = "65536") @Min(1024) int maxResponseChars) {

  public static final int DEFAULT_RETENTION_DAYS = 30;

  public static AuditProperties defaults() {
    return new AuditProperties(true, DEFAULT_RETENTION_DAYS, 100_000, true, 65_536);
  }

  public java.time.Duration retention() {
    return java.time.Duration.ofDays(retentionDays);
  }
}
