package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.channels.ChannelException;
import io.botburrow.channels.MessagingChannels;
import io.botburrow.channels.hub.HubChannel;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private final HubClient hub;
  private final ModelRouter router;
  private final ChatModelSource models;
  private final ObjectMapper json;
  private final RunnerMetrics metrics;
  private final Clock clock;
  private final Duration activationTimeout;
  private final int maxAttempts;
  private final ReplyLedger replies;
  private final ExplorationSchedule schedule;
  private final Duration minStaleness;
  private final Watchdog watchdog;
  private final ActivationReports reports;
  private final TriggeredWork triggered;
  private final AgentSessions sessions;
  private final ActivityReporter activity;
  private final AuditRecorder audit;
  private final HubHealth hubHealth;
  private final FailedRuns failed;

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
    this.activity = activity;
    this.definitions = definitions;
    this.hub = hub;
    this.hubHealth = new HubHealth(hub, clock);
    this.router = router;
    this.models = models;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
    this.activationTimeout = activationTimeout;
    this.maxAttempts = maxAttempts;
    this.replies = new ReplyLedger(effects);
    this.schedule = schedule;
    this.minStaleness = minStaleness;
    this.sessions = new AgentSessions(hub, models, json, metrics, clock, workspaces, cliExecutors, extraTools, activity);
    this.watchdog = new Watchdog(clock);
    this.reports = new ActivationReports(hub, metrics);
    this.triggered = new TriggeredWork(hub, tasks, clock, extraTools,
        new ChannelReplies(channels.with(new HubChannel(hub)), effects));
    this.failed = new FailedRuns(triggered, this::work, maxAttempts);
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
      reportTask(run, outcome);
      Duration took = Duration.between(start, clock.instant());
      reports.finish(a, run.toolType, outcome, run.tally, took);
      run.audit.finished(outcome.status(), detail(outcome), run.tally.stopReason(), run.tally.usage().inputTokens(),
          run.tally.usage().outputTokens(), run.tally.cost(), took);
      if (run.cooldown != null) {
        activity.finished(a, run.cooldown);
      }
      return outcome;
    } finally {
      MDC.remove("activation_id");
      MDC.remove("agent");
    }
  }

  // A task whose work will not be retried is failed; one that will stays working.
  private void reportTask(ActivationRun run, ActivationOutcome outcome) {
    Activation a = run.activation;
    if (a.trigger() == null) {
      return;
    }
    String error = switch (outcome) {
      case ActivationOutcome.CouldNotAnswer c -> c.reason();
      case ActivationOutcome.Failed f when !f.retryable() || a.attempt() >= maxAttempts -> f.error();
      default -> null;
    };
    if (error != null) {
      try {
        triggered.failed(a, error, run.tally);
      } catch (QueueUnavailableException e) {
        LOG.warn("Activation(id={}, agent={}) task {} could not be marked failed: {}", a.id(), a.agent(),
            a.trigger().taskId(), e.getMessage());
      }
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
      if (def.config().behavior().discovery().enabled() && !(outcome instanceof ActivationOutcome.Cancelled)
          && !(outcome instanceof ActivationOutcome.Deferred)) {
        // the next exploration also waits out the agent's rest (behavior.limits.min_interval_seconds)
        Duration quiet = run.cooldown != null && run.cooldown.compareTo(minStaleness) > 0 ? run.cooldown : minStaleness;
        schedule.scheduleAt(a.agent(), clock.instant().plus(quiet));
      }
      return outcome;
    } catch (AgentDefinitionException e) {
      return failed.failure(run, null, "Agent(name=" + a.agent() + ") definition cannot be used: " + e.getMessage(), e.retryable(),
          e.retryable() ? CannotAnswer.definitionUnavailable() : CannotAnswer.definition(e));
    } catch (HubException e) {
      if (e.retryable() && hubHealth.explainsFailure()) {
        return new ActivationOutcome.Deferred("Hub out of reach: " + e.getMessage(), run.tally.usage());
      }
      return failed.failure(run, def, "Hub call failed: " + e.getMessage(), e.retryable(), CannotAnswer.failedRepeatedly());
    } catch (BudgetExceededException e) {
      return failed.failure(run, def, "Budget spent: " + e.getMessage(), false, CannotAnswer.budgetSpent(e));
    } catch (LlmException e) {
      return failed.failure(run, def, "Model call failed: " + e.getMessage(), e.retryable(),
          e.retryable() ? CannotAnswer.modelUnavailable() : CannotAnswer.refused());
    } catch (QueueUnavailableException e) {
      return failed.failure(run, def, "Redis unavailable: " + e.getMessage(), true, CannotAnswer.failedRepeatedly());
    } catch (ChannelException e) {
      return failed.failure(run, def, "Reply channel failed: " + e.getMessage(), e.retryable(), CannotAnswer.failedRepeatedly());
    } catch (SandboxException e) {
      return failed.failure(run, def, "Sandbox failed: " + e.getMessage(), e.retryable(), CannotAnswer.failedRepeatedly());
    } catch (McpException e) {
      return failed.failure(run, def, "MCP sidecar failed: " + e.getMessage(), e.retryable(),
          e.retryable() ? CannotAnswer.failedRepeatedly() : CannotAnswer.refused());
    } catch (RuntimeException e) {
      LOG.error("Activation(id={}, agent={}) crashed", a.id(), a.agent(), e);
      return failed.failure(run, def, "Unexpected error: " + e, true, CannotAnswer.failedRepeatedly());
    }
  }

  private ActivationOutcome run(ActivationRun run, AgentDefinition def) {
    Activation a = run.activation;
    if (!sessions.runs(def)) {
      return failed.couldNotAnswer(run, def.config().behavior(),
          "Agent(name=" + a.agent() + ") has type '" + def.config().type() + "'; this runner runs only type 'native'",
          CannotAnswer.unsupportedType(def.config().type()));
    }
    // one source of truth: the gateway's count where the operator budgets the agent there, else the Hub's
    BudgetHealth budget = models.budgetHealth(a.agent()).orElseGet(() -> hub.budgetHealth(a.agent()));
    if (!budget.healthy()) {
      return failed.couldNotAnswer(run, def.config().behavior(), String.format(java.util.Locale.ROOT,
          "Agent(name=%s) budget exhausted: daily %.2f/%.2f USD, monthly %.2f/%.2f USD", a.agent(),
          budget.dailyUsed(), budget.dailyLimit(), budget.monthlyUsed(), budget.monthlyLimit()), CannotAnswer.budget(budget));
    }
    if (a.kind().keyed() && !triggered.start(a)) {
      return new ActivationOutcome.Succeeded("task " + a.trigger().taskId() + " was canceled before it started", run.tally.usage());
    }
    // routing refuses endpoints and keys the operator did not allow, before any container starts
    ModelRoute route = router.route(def.config().brain());
    run.cooldown = Duration.ofSeconds(def.config().behavior().limits().minIntervalSeconds());
    return sessions.open(run, def, route, session -> dispatch(run, def, session));
  }

  private ActivationOutcome dispatch(ActivationRun run, AgentDefinition def, AgentSession session) {
    Activation a = run.activation;
    return switch (a.kind()) {
      case NOTIFICATION -> notifications(run, def, session);
      case EXPLORATION -> new ActivationOutcome.Succeeded(new ExplorationWork(hub).run(def.config(), session), run.tally.usage());
      case MESSAGE, WEBHOOK, DELEGATION, SCHEDULE ->
          new ActivationOutcome.Succeeded(triggered.run(a, def.config(), session, run.tally), run.tally.usage());
    };
  }

  private ActivationOutcome notifications(ActivationRun run, AgentDefinition def, AgentSession session) {
    NotificationWork.Result r = work(run).answer(def, session);
    if (r.redisOnly()) {
      // Redis, not the agent, failed: handed back for redelivery without opening the agent's circuit
      return new ActivationOutcome.Cancelled("Redis out of reach: " + String.join("; ", r.errors()), run.tally.usage());
    }
    if (r.platformOnlyWithHub() && hubHealth.explainsFailure()) {
      return new ActivationOutcome.Deferred("Hub out of reach: " + String.join("; ", r.errors()), run.tally.usage());
    }
    if (!r.allHandled()) {
      return new ActivationOutcome.Failed(String.join("; ", r.errors()), true, run.tally.usage());
    }
    return r.explained() > 0 && r.answered() == 0
        ? new ActivationOutcome.CouldNotAnswer(r.summary(), run.tally.usage())
        : new ActivationOutcome.Succeeded(r.summary() + " in " + run.tally.loops() + " loop(s)", run.tally.usage());
  }

  /** The mention work of {@code run}: its answers and explanations go through the reply ledger. */
  private NotificationWork work(ActivationRun run) {
    ReplyPoster poster = new ReplyPoster(hub, replies, run.activation, run.control, run.audit::replied);
    return new NotificationWork(hub, replies, poster, run.activation.agent(), run.activation.attempt() >= maxAttempts,
        () -> run.timer != null && run.timer.fired() ? CannotAnswer.deadline(run.limit) : null);
  }

  private static String detail(ActivationOutcome outcome) {
    return switch (outcome) {
      case ActivationOutcome.Succeeded s -> s.detail();
      case ActivationOutcome.CouldNotAnswer c -> c.reason();
      case ActivationOutcome.Failed f -> f.error();
      case ActivationOutcome.Cancelled c -> c.reason();
      case ActivationOutcome.Deferred d -> d.reason();
    };
  }
}
