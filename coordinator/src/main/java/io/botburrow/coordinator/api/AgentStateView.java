package io.botburrow.coordinator.api;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.RunningLease;
import io.botburrow.tasks.AgentTaskStats;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentActivity;
import io.botburrow.activity.AgentPhase;
import io.botburrow.coordinator.ingress.TenantIngresses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's state as the API shows it, from the queue, the task store, the definition and the
 * runners' activity reports: {@code offline} (definition unusable, or no runner of a pool that serves
 * messages seen for {@link #POOL_SILENCE}), {@code thinking}/{@code executing} (reported for the running
 * activation), {@code processing} (running, nothing reported yet), {@code error} (circuit open),
 * {@code cooldown} (after an activation, for {@code behavior.limits.min_interval_seconds}), else
 * {@code idle}.
 */
final class AgentStateView {
  static final Duration POOL_SILENCE = Duration.ofSeconds(15);
  private final QueueAdmin admin;
  private final AgentActivity pools;
  private final Clock clock;

  /**
   * @param pools the deployment's activity board, where runners announce their pools: a runner serves every tenant
   */
  AgentStateView(QueueAdmin admin, AgentActivity pools, Clock clock) {
    this.admin = admin;
    this.pools = pools;
    this.clock = clock;
  }

  /** {@code agent} of {@code scope}'s tenant; empty when the agent has no definition there. */
  Optional<Map<String, Object>> view(TenantIngresses.Scope scope, String agent) {
    AgentDefinitionStore definitions = scope.definitions();
    TaskStore tasks = scope.tasks();
    AgentActivity activity = scope.activity();
    // the queue keeps runs and circuits under the agent's queue key: tenant/agent outside the default tenant
    String queueKey = Activation.queueKey(scope.tenant().name(), agent);
    boolean usable;
    try {
      definitions.load(agent);
      usable = true;
    } catch (AgentNotFoundException e) {
      return Optional.empty();
    } catch (AgentDefinitionException e) {
      usable = false;
    }
    Optional<RunningLease> running = admin.runningLeases().stream().filter(r -> r.agent().equals(queueKey)).findFirst();
    Optional<OpenCircuit> circuit = admin.openCircuits().stream().filter(c -> c.agent().equals(queueKey)).findFirst();
    AgentTaskStats stats = tasks.stats(agent);
    Optional<ActivityReport> report = activity.current(agent);
    Instant now = clock.instant();
    boolean served = pools.poolsAlive().entrySet().stream()
        .anyMatch(e -> e.getKey().kinds().contains(ActivationKind.MESSAGE) && e.getValue().isAfter(now.minus(POOL_SILENCE)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", agent);
    out.put("state", state(usable, served, running.map(r -> r.activationId().value()), circuit.isPresent(), report, now));
    out.put("cooldown_until", report.filter(r -> r.phase() == AgentPhase.COOLDOWN && r.until().isAfter(now))
        .map(r -> r.until().toString()).orElse(null));
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

  static String state(boolean usable, boolean served, Optional<String> runningActivation, boolean circuitOpen,
      Optional<ActivityReport> report, Instant now) {
    if (!usable || !served) {
      return "offline";
    }
    if (runningActivation.isPresent()) {
      // a report about an earlier activation (or a dead runner's) says nothing about this one
      return report.filter(r -> r.activationId().equals(runningActivation.get()) && r.phase() != AgentPhase.COOLDOWN)
          .map(r -> r.phase().wireName()).orElse("processing");
    }
    if (circuitOpen) {
      return "error";
    }
    return report.filter(r -> r.phase() == AgentPhase.COOLDOWN && r.until().isAfter(now)).isPresent() ? "cooldown" : "idle";
  }
}
