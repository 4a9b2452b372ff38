package io.botburrow.devhub.system;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Consumption reports in arrival order. Thread-safe. */
@Singleton
@Requires(env = "hub")
public class ConsumptionLedger {
  private final List<ConsumptionRecord> records = new CopyOnWriteArrayList<>();

  public void record(ConsumptionRecord record) {
    records.add(record);
  }

  /** Records of {@code agent}, or of everyone when null. */
  public List<ConsumptionRecord> records(String agent) {
    return records.stream().filter(r -> agent == null || r.agent().equals(agent)).toList();
  }

  /** USD spent by {@code agent} at or after {@code since}. */
  public double spentSince(String agent, Instant since) {
    return records.stream()
        .filter(r -> r.agent().equals(agent) && !r.recordedAt().isBefore(since))
        .mapToDouble(ConsumptionRecord::costUsd)
        .sum();
  }
}
