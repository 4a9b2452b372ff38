package io.botburrow.coordinator.api;

import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.RunningLease;
import io.botburrow.tasks.AgentTaskStats;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An agent's state as the API shows it, from the queue, the task store and the definition. */
final class AgentStateView {
  private final AgentDefinitionStore definitions;
  private final QueueAdmin admin;
  private final TaskStore tasks;
  private final Clock clock;

  AgentStateView(AgentDefinitionStore definitions, QueueAdmin admin, TaskStore tasks, Clock clock) {
    this.definitions = definitions;
    this.admin = admin;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Empty when the agent has no definition. */
  Optional<Map<String, Object>> view(String agent) {
    boolean usable;
    try {
      definitions.load(agent);
      usable = true;
    } catch (AgentNotFoundException e) {
      return Optional.empty();
    } catch (AgentDefinitionException e) {
      usable = false;
    }
    Optional<RunningLease> running = admin.runningLeases().stream().filter(r -> r.agent().equals(agent)).findFirst();
    Optional<OpenCircuit> circuit = admin.openCircuits().stream().filter(c -> c.agent().equals(agent)).findFirst();
    AgentTaskStats stats = tasks.stats(agent);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", agent);
    out.put("state", state(usable, running.isPresent(), circuit.isPresent()));
    out.put("current_task", stats.currentTask());
    out.put("current_activation", running.map(r -> Map.of(
        "id", r.activationId().value(), "kind", r.kind().wireName(), "attempt", r.attempt(), "runner", r.runnerId()))
        .orElse(null));
    out.put("last_task_finished_at", stats.lastFinishedAt() == null ? null : stats.lastFinishedAt().toString());
    out.put("circuit_open_until", circuit.map(c -> c.openUntil().toString()).orElse(null));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TaskState s : TaskState.values()) {
      counts.put(s.wireName(), stats.counts().getOrDefault(s, 0L));
    }
    out.put("task_counts", counts);
    out.put("as_of", clock.instant().toString());
    return Optional.of(out);
  }

  static String state(boolean usable, boolean running, boolean circuitOpen) {
    if (!usable) {
      return "offline";
    }
    if (running) {
      return "processing";
    }
    return circuitOpen ? "error" : "idle";
  }
}
