package io.botburrow.triggers.memory;

import io.botburrow.triggers.ScheduleIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link ScheduleIndex} in one JVM, for tests. Thread-safe. */
public final class InMemoryScheduleIndex implements ScheduleIndex {
  private record Entry(String fingerprint, Instant fireAt) {}

  private final Map<String, Map<String, Entry>> byAgent = new HashMap<>();

  @Override
  public synchronized void sync(String agent, Map<String, String> schedules, Function<String, Instant> firstFire) {
    Map<String, Entry> current = byAgent.computeIfAbsent(agent, a -> new HashMap<>());
    current.keySet().retainAll(schedules.keySet());
    schedules.forEach((id, fingerprint) -> {
      Entry entry = current.get(id);
      if (entry == null || !entry.fingerprint().equals(fingerprint)) {
        Instant first = firstFire.apply(id);
        if (first != null) {
          current.put(id, new Entry(fingerprint, first));
        } else {
          current.remove(id);
        }
      }
    });
    if (current.isEmpty()) {
      byAgent.remove(agent);
    }
  }

  @Override
  public synchronized List<String> agents() {
    return List.copyOf(byAgent.keySet());
  }

  @Override
  public synchronized List<Due> due(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    byAgent.forEach((agent, entries) -> entries.forEach((id, e) -> {
      if (!e.fireAt().isAfter(now)) {
        due.add(new Due(agent, id, e.fireAt()));
      }
    }));
    due.sort(Comparator.comparing(Due::fireAt));
    return due.size() > limit ? due.subList(0, limit) : due;
  }

  @Override
  public synchronized boolean advance(Due due, Instant next) {
    Map<String, Entry> entries = byAgent.get(due.agent());
    Entry entry = entries == null ? null : entries.get(due.scheduleId());
    if (entry == null || !entry.fireAt().equals(due.fireAt())) {
      return false;
    }
    entries.put(due.scheduleId(), new Entry(entry.fingerprint(), next));
    return true;
  }

  @Override
  public synchronized void remove(String agent, String scheduleId) {
    Map<String, Entry> entries = byAgent.get(agent);
    if (entries != null) {
      entries.remove(scheduleId);
    }
  }

  @Override
  public synchronized long size() {
    return byAgent.values().stream().mapToLong(Map::size).sum();
  }
}
