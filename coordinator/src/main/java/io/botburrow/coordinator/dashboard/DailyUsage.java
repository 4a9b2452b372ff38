package io.botburrow.coordinator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens and cost per agent per UTC day, summed from the model calls of the audit trail's day logs (so
 * only the days the Redis log still holds). Days before yesterday no longer change and are tallied once.
 */
final class DailyUsage {
  static final int MAX_DAYS = 31;
  private final AuditLog log;
  private final Clock clock;
  private final Map<LocalDate, Map<String, Usage>> settled = new ConcurrentHashMap<>();

  /** One agent's use on one day. */
  record Usage(long tokens, double costUsd, int activations) {}

  /** One day: agent → usage, agents sorted by name. */
  record Day(LocalDate day, Map<String, Usage> agents) {}

  DailyUsage(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** The last {@code days} days, oldest first, today included. Blocks on the audit log. */
  List<Day> lastDays(int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<Day> out = new ArrayList<>(days);
    for (LocalDate day = today.minusDays(days - 1); !day.isAfter(today); day = day.plusDays(1)) {
      Map<String, Usage> agents = day.isBefore(today.minusDays(1))
          ? settled.computeIfAbsent(day, d -> tally(log.read(d)))
          : tally(log.read(day));
      out.add(new Day(day, agents));
    }
    settled.keySet().removeIf(day -> day.isBefore(today.minusDays(MAX_DAYS)));
    return out;
  }

  /** Sums the model calls of {@code entries} per agent; activations are those with a model call. Pure. */
  static Map<String, Usage> tally(List<AuditEntry> entries) {
    Map<String, long[]> tokens = new TreeMap<>();
    Map<String, double[]> cost = new TreeMap<>();
    Map<String, Set<String>> activations = new TreeMap<>();
    for (AuditEntry entry : entries) {
      // cheap test first: most records are not model calls, and parsing is the cost here
      if (!entry.line().contains("\"model_call\"")) {
        continue;
      }
      JsonNode record;
      try {
        record = entry.record();
      } catch (IllegalArgumentException e) {
        continue; // an unreadable line is audit verify's to report, not the chart's
      }
      if (!"model_call".equals(record.path("type").asText())) {
        continue;
      }
      JsonNode data = record.path("data");
      String agent = record.path("agent").asText("");
      String activation = record.path("activation").asText("");
      tokens.computeIfAbsent(agent, a -> new long[1])[0] +=
          data.path("input_tokens").asLong(0) + data.path("output_tokens").asLong(0);
      cost.computeIfAbsent(agent, a -> new double[1])[0] += data.path("cost_usd").asDouble(0);
      activations.computeIfAbsent(agent, a -> new HashSet<>()).add(activation);
    }
    Map<String, Usage> out = new TreeMap<>();
    tokens.forEach((agent, t) -> out.put(agent, new Usage(t[0], cost.get(agent)[0], activations.get(agent).size())));
    return out;
  }
}
