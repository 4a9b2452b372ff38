package io.botburrow.schedule.memory;

import io.botburrow.schedule.ExplorationSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** In-memory {@link ExplorationSchedule} for unit tests. */
public final class InMemoryExplorationSchedule implements ExplorationSchedule {
  private record Entry(Instant due, String agent) {}

  private final Map<String, Instant> dueByAgent = new HashMap<>();
  private final TreeSet<Entry> byDue =
      new TreeSet<>((a, b) -> a.due.equals(b.due) ? a.agent.compareTo(b.agent) : a.due.compareTo(b.due));

  @Override
  public synchronized void scheduleAt(String agent, Instant due) {
    remove(agent);
    dueByAgent.put(agent, due);
    byDue.add(new Entry(due, agent));
  }

  @Override
  public synchronized boolean scheduleIfAbsent(String agent, Instant due) {
    if (dueByAgent.containsKey(agent)) {
      return false;
    }
    scheduleAt(agent, due);
    return true;
  }

  @Override
  public synchronized void remove(String agent) {
    Instant old = dueByAgent.remove(agent);
    if (old != null) {
      byDue.remove(new Entry(old, agent));
    }
  }

  @Override
  public synchronized List<String> takeDue(Instant now, int limit, Duration hold) {
    List<String> due = new ArrayList<>();
    for (Entry e : byDue) {
      if (e.due.isAfter(now) || due.size() == limit) {
        break;
      }
      due.add(e.agent);
    }
    due.forEach(a -> scheduleAt(a, now.plus(hold)));
    return due;
  }

  @Override
  public synchronized long size() {
    return dueByAgent.size();
  }
}
