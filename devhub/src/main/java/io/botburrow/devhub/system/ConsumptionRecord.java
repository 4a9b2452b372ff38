package io.botburrow.devhub.system;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One consumption report (M13) as received.
 *
 * @param fields every field of the report, including extras such as {@code tool_type} (ADR-022)
 */
public record ConsumptionRecord(
    String agent, long tokensInput, long tokensOutput, double costUsd, Instant recordedAt,
    Map<String, Object> fields) {

  public ConsumptionRecord {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (tokensInput < 0 || tokensOutput < 0 || costUsd < 0) {
      throw new IllegalArgumentException("consumption must not be negative");
    }
    fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
