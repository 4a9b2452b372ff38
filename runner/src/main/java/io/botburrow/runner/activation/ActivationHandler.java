package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.hub.HubChannel;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.queue.EffectLedger;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.runner.audit.AuditRecorder;
import io.botburrow.runner.tools.ActivationTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one activation end to end: load the definition, check the budget, run the agent under the
 * deadline watchdog, report consumption and the activation to the Hub. Never throws: every ending is an
 * {@link ActivationOutcome}, and a person whose mention cannot be answered is told why.
 */
public class ActivationHandler implements ActivationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationHandler.class);
  private final AgentDefinitionStore definitions;
  private final ModelRouter router;
  private final ChatModelSource models;
  private final RunnerMetrics metrics;
  private final Clock clock;
  private final Duration activationTimeout;
  private final ExplorationSchedule schedule;
  private final Duration minStaleness;
  private final Watchdog watchdog;
  private final ActivationReports reports;
  private final AgentSessions sessions;
  private final AuditRecorder audit;
  private final HubHealth hubHealth;
  private final AgentWork work;
  private final FailedRuns failed;
  private final RunAdmission admission;

  public ActivationHandler(
      AgentDefinitionStore definitions,
      HubClient hub,
      ModelRouter router,
      ChatModelSource models,
      ObjectMapper json,
      RunnerMetrics metrics,
      Clock clock,
      Duration activationTimeout,
      int maxAttempts,
      EffectLedger effects,
      ExplorationSchedule schedule,
      Duration minStaleness,
      WorkspaceProvider workspaces,
      TaskStore tasks) {
    this(definitions, hub, router, models, json, metrics, clock, activationTimeout, maxAttempts, effects, schedule,
        minStaleness, workspaces, tasks, null, ActivationTools.NONE, ActivityReporter.NONE, MessagingChannels.NONE,
        AuditRecorder.NONE);
  }

  /**
   * @param cliExecutors the CLI executors (claude-code), null when this runner has none (no sandbox)
   * @param extraTools activation tools (delegation, HTTP tools) offered beside the Hub and workspace tools
   * @param activity where thinking, executing and cooldown are reported for the agent API
   * @param channels the Slack and Discord adapters replies go out through (the Hub's is added here)
   * @param audit opens each run's audit trail
   */
  public ActivationHandler(
      AgentDefinitionStore definitions,
      HubClient hub,
      ModelRouter router,
      ChatModelSource models,
      ObjectMapper json,
      RunnerMetrics metrics,
      Clock clock,
      Duration activationTimeout,
      int maxAttempts,
      EffectLedger effects,
      ExplorationSchedule schedule,
      Duration minStaleness,
      WorkspaceProvider workspaces,
      TaskStore tasks,
      CliExecutors cliExecutors,
      ActivationTools extraTools,
      ActivityReporter activity,
      MessagingChannels channels,
      AuditRecorder audit) {
    this.audit = audit;
    this.definitions = definitions;
    this.hubHealth = new HubHealth(hub, clock);
    this.router = router;
    this.models = models;
    this.metrics = metrics;
    this.clock = clock;
    this.activationTimeout = activationTimeout;
    this.schedule = schedule;
    this.minStaleness = minStaleness;
    this.sessions = new AgentSessions(hub, models, json, metrics, clock, workspaces, cliExecutors, extraTools, activity);
    this.watchdog = new Watchdog(clock);
    TriggeredWork triggered = new TriggeredWork(hub, tasks, clock, extraTools,
        new ChannelReplies(channels.with(new HubChannel(hub)), effects));
    this.reports = new ActivationReports(hub, metrics, clock, triggered, activity, maxAttempts);
    this.work = new AgentWork(hub, effects, hubHealth, triggered, maxAttempts);
    this.failed = new FailedRuns(triggered, work::mentions, maxAttempts);
    this.admission = new RunAdmission(sessions, models, hub, triggered, failed);
  }

  /** Runs {@code a} outside a runner's lease (tests, benchmarks). */
  public ActivationOutcome handle(Activation a) {
    return handle(a, ActivationControl.UNGUARDED);
  }

  /** Runs {@code a}; effects that must happen once are made only while {@code control} holds the lease. */
  @Override
  public ActivationOutcome handle(Activation a, ActivationControl control) {
    MDC.put("activation_id", a.id().value());
    MDC.put("agent", a.agent());
    Instant start = clock.instant();
    ActivationRun run = new ActivationRun(a, control, new RunTally(), start, audit.open(a, models), watchdog);
    try {
      metrics.stage("queued", Duration.between(a.enqueuedAt(), start));
      ActivationOutcome outcome;
      try {
        outcome = execute(run);
      } finally {
        run.disarm();
      }
      // The work is over: a late interrupt (watchdog, stop request) must not cut off the reports.
      Thread.interrupted();
      if (control.stopRequested() != ActivationControl.Stop.NONE) {
        outcome = new ActivationOutcome.Cancelled(control.stopRequested().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            run.tally.usage());
      }
      reports.finish(run, outcome);
      return outcome;
    } finally {
      MDC.remove("activation_id");
      MDC.remove("agent");
    }
  }

  private ActivationOutcome execute(ActivationRun run) {
    Activation a = run.activation;
    AgentDefinition def = null;
    try {
      if ((a.kind() == ActivationKind.NOTIFICATION || a.kind() == ActivationKind.EXPLORATION) && hubHealth.stillDown()) {
        return new ActivationOutcome.Deferred("Hub out of reach: its health check fails", run.tally.usage());
      }
      run.arm(activationTimeout);
      def = definitions.load(a.agent());
      run.toolType = def.config().type();
      run.audit.definition(def.revision(), def.config().type());
      Duration agentLimit = Duration.ofSeconds(def.config().sandbox().timeoutSeconds());
      run.arm(agentLimit.compareTo(activationTimeout) < 0 ? agentLimit : activationTimeout);
      ActivationOutcome outcome = run(run, def);
      scheduleExploration(run, def, outcome);
      return outcome;
    } catch (AgentDefinitionException e) {
      return failure(run, null, e);
    } catch (HubException e) {
      if (e.retryable() && hubHealth.explainsFailure()) {
        return new ActivationOutcome.Deferred("Hub out of reach: " + e.getMessage(), run.tally.usage());
      }
      return failure(run, def, e);
    } catch (RuntimeException e) {
      if (RunError.redisOutOfReach(e)) {
        // Redis, not the agent, failed (a failover, a pause, a restart): handed back for redelivery, as a mention's
        // work is (AgentWork), without counting an attempt or opening the agent's circuit
        return new ActivationOutcome.Cancelled("Redis out of reach: " + e.getMessage(), run.tally.usage());
      }
      return failure(run, def, e);
    }
  }

  private void scheduleExploration(ActivationRun run, AgentDefinition def, ActivationOutcome outcome) {
    if (def.config().behavior().discovery().enabled() && !(outcome instanceof ActivationOutcome.Cancelled)
        && !(outcome instanceof ActivationOutcome.Deferred)) {
      // the next exploration also waits out the agent's rest (behavior.limits.min_interval_seconds)
      Duration quiet = run.cooldown != null && run.cooldown.compareTo(minStaleness) > 0 ? run.cooldown : minStaleness;
      schedule.scheduleAt(run.activation.agent(), clock.instant().plus(quiet));
    }
  }

  private ActivationOutcome failure(ActivationRun run, AgentDefinition def, RuntimeException e) {
    RunError error = RunError.of(run.activation.agent(), e);
    if (error.unexpected()) {
      LOG.error("Activation(id={}, agent={}) crashed", run.activation.id(), run.activation.agent(), e);
    }
    return failed.failure(run, def, error.error(), error.retryable(), error.explanation());
  }

  private ActivationOutcome run(ActivationRun run, AgentDefinition def) {
    Optional<ActivationOutcome> refused = admission.refusal(run, def);
    if (refused.isPresent()) {
      return refused.get();
    }
    // routing refuses endpoints and keys the operator did not allow, before any container starts
    ModelRoute route = router.route(def.config().brain());
    run.cooldown = Duration.ofSeconds(def.config().behavior().limits().minIntervalSeconds());
    return sessions.open(run, def, route, session -> work.dispatch(run, def, session));
  }
}
