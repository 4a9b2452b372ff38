package io.botburrow.activity.memory;

import io.botburrow.activation.RunnerPool;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentActivity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AgentActivity} in memory, for unit tests. */
public final class InMemoryAgentActivity implements AgentActivity {
  private final Map<String, ActivityReport> reports = new ConcurrentHashMap<>();
  private final Map<RunnerPool, Instant> pools = new ConcurrentHashMap<>();

  @Override
  public void report(String agent, ActivityReport report) {
    reports.put(agent, report);
  }

  @Override
  public Optional<ActivityReport> current(String agent) {
    return Optional.ofNullable(reports.get(agent));
  }

  @Override
  public void poolAlive(RunnerPool pool, Instant at) {
    pools.merge(pool, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  @Override
  public Map<RunnerPool, Instant> poolsAlive() {
    return Map.copyOf(pools);
  }
}
