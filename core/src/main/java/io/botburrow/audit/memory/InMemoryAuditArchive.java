package io.botburrow.audit.memory;

import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The audit archive in memory, for unit tests. Thread-safe. */
public final class InMemoryAuditArchive implements AuditArchive {
  private record Key(LocalDate day, String agent, String run) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = day.compareTo(o.day);
      c = c != 0 ? c : agent.compareTo(o.agent);
      return c != 0 ? c : run.compareTo(o.run);
    }
  }

  private final Map<Key, List<AuditEntry>> runs = new ConcurrentSkipListMap<>();
  private final Map<Key, List<String>> responses = new ConcurrentSkipListMap<>();

  @Override
  public void store(LocalDate day, String agent, String run, List<AuditEntry> records, List<String> responses) {
    Key key = new Key(day, agent, run);
    runs.put(key, List.copyOf(records));
    this.responses.put(key, List.copyOf(responses));
  }

  @Override
  public List<Run> read(LocalDate day) {
    return runs.entrySet().stream().filter(e -> e.getKey().day().equals(day))
        .map(e -> new Run(day, e.getKey().agent(), e.getKey().run(), e.getValue())).toList();
  }

  @Override
  public List<String> responses(LocalDate day, String agent, String run) {
    return responses.getOrDefault(new Key(day, agent, run), List.of());
  }

  @Override
  public int deleteBefore(LocalDate day) {
    List<Key> old = runs.keySet().stream().filter(k -> k.day().isBefore(day)).toList();
    old.forEach(k -> {
      runs.remove(k);
      responses.remove(k);
    });
    return old.size() * 2;
  }

  @Override
  public List<LocalDate> days() {
    return runs.keySet().stream().map(Key::day).distinct().toList();
  }
}
