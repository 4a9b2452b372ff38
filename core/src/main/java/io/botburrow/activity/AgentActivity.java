package io.botburrow.activity;

import io.botburrow.activation.RunnerPool;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runners' lifecycle events per agent (thinking, executing, cooldown) and which runner pools are
 * alive, for the agent API. Runners write, the coordinator reads. Every method blocks on the backend
 * and throws {@link io.botburrow.queue.QueueUnavailableException} when it cannot be reached; writes
 * are idempotent (last writer wins) and a lost write only makes the shown state stale.
 */
public interface AgentActivity {
  /** Records {@code report} as {@code agent}'s current activity. */
  void report(String agent, ActivityReport report);

  /** The latest report about {@code agent}, while it is kept (a day at most). */
  Optional<ActivityReport> current(String agent);

  /** The latest reports about {@code agents} (those without one are absent), read together where the backend can. */
  default Map<String, ActivityReport> current(Collection<String> agents) {
    Map<String, ActivityReport> out = new HashMap<>();
    for (String agent : agents) {
      current(agent).ifPresent(report -> out.put(agent, report));
    }
    return out;
  }

  /** A runner of {@code pool} is alive at {@code at}. */
  void poolAlive(RunnerPool pool, Instant at);

  /** When each pool was last reported alive. */
  Map<RunnerPool, Instant> poolsAlive();
}
