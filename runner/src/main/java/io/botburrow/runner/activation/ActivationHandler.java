package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRouter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one activation end to end: load the definition, check the budget, run the agent, report
 * consumption and the activation to the Hub. Never throws: every ending is an {@link ActivationOutcome}.
 */
public class ActivationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationHandler.class);
  private final AgentDefinitionStore definitions;
  private final HubClient hub;
  private final ModelRouter router;
  private final ChatModelSource models;
  private final ObjectMapper json;
  private final RunnerMetrics metrics;
  private final Clock clock;
  private final Duration activationTimeout;
  private final NativeAgentLoop loop;
  private final ReplyLedger replies;
  private final ExplorationSchedule schedule;
  private final Duration minStaleness;
  private final WorkspaceProvider workspaces;

  public ActivationHandler(
      AgentDefinitionStore definitions,
      HubClient hub,
      ModelRouter router,
      ChatModelSource models,
      ObjectMapper json,
      RunnerMetrics metrics,
      Clock clock,
      Duration activationTimeout,
      EffectLedger effects,
      ExplorationSchedule schedule,
      Duration minStaleness,
      WorkspaceProvider workspaces) {
    this.definitions = definitions;
    this.hub = hub;
    this.router = router;
    this.models = models;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
    this.activationTimeout = activationTimeout;
    this.loop = new NativeAgentLoop(clock);
    this.replies = new ReplyLedger(effects, clock);
    this.schedule = schedule;
    this.minStaleness = minStaleness;
    this.workspaces = workspaces;
  }

  public ActivationOutcome handle(Activation a) {
    MDC.put("activation_id", a.id().value());
    MDC.put("agent", a.agent());
    Instant start = clock.instant();
    RunTally tally = new RunTally();
    String toolType = "unknown";
    ActivationOutcome outcome;
    try {
      metrics.stage("queued", Duration.between(a.enqueuedAt(), start));
      AgentDefinition def = definitions.load(a.agent());
      toolType = def.config().type();
      outcome = run(a, def, tally, start);
      if (def.config().behavior().discovery().enabled() && !(outcome instanceof ActivationOutcome.Cancelled)) {
        schedule.scheduleAt(a.agent(), clock.instant().plus(minStaleness));
      }
    } catch (AgentDefinitionException e) {
      outcome = failed("Agent(name=" + a.agent() + ") definition cannot be used: " + e.getMessage(), e.retryable(), tally);
    } catch (HubException e) {
      outcome = failed("Hub call failed: " + e.getMessage(), e.retryable(), tally);
    } catch (LlmException e) {
      outcome = failed("Model call failed: " + e.getMessage(), e.retryable(), tally);
    } catch (QueueUnavailableException e) {
      outcome = failed("Redis unavailable: " + e.getMessage(), true, tally);
    } catch (SandboxException e) {
      outcome = failed("Sandbox failed: " + e.getMessage(), e.retryable(), tally);
    } catch (McpException e) {
      outcome = failed("MCP sidecar failed: " + e.getMessage(), e.retryable(), tally);
    } catch (RuntimeException e) {
      outcome = failed("Unexpected error: " + e, true, tally);
      LOG.error("Activation(id={}, agent={}) crashed", a.id(), a.agent(), e);
    }
    if (Thread.currentThread().isInterrupted()) {
      outcome = new ActivationOutcome.Cancelled("interrupted", tally.usage());
    }
    finish(a, toolType, outcome, tally, Duration.between(start, clock.instant()));
    MDC.remove("activation_id");
    MDC.remove("agent");
    return outcome;
  }

  private ActivationOutcome run(Activation a, AgentDefinition def, RunTally tally, Instant start) {
    if (!def.config().isNative()) {
      return failed("Agent(name=" + a.agent() + ") has type '" + def.config().type() + "'; this runner runs only type 'native'", false, tally);
    }
    BudgetHealth budget = hub.budgetHealth(a.agent());
    if (!budget.healthy()) {
      return failed(String.format("Agent(name=%s) budget exhausted: daily %.2f/%.2f USD, monthly %.2f/%.2f USD", a.agent(),
          budget.dailyUsed(), budget.dailyLimit(), budget.monthlyUsed(), budget.monthlyLimit()), true, tally);
    }
    Instant deadline = start.plus(activationTimeout);
    try (AgentWorkspace workspace = workspaces.open(a, def.config(), deadline)) {
      AgentSession session =
          new AgentSession(def, router.route(def.config().brain()), models, loop, hub, json, workspace.tools(), tally, deadline);
      return work(a, def, session, tally);
    }
  }

  private ActivationOutcome work(Activation a, AgentDefinition def, AgentSession session, RunTally tally) {
    return switch (a.kind()) {
      case NOTIFICATION -> {
        List<String> errors = new NotificationWork(hub, replies).run(def, session);
        yield errors.isEmpty()
            ? new ActivationOutcome.Succeeded("answered notifications in " + tally.loops() + " loop(s)", tally.usage())
            : new ActivationOutcome.Failed(String.join("; ", errors), true, tally.usage());
      }
      case EXPLORATION -> new ActivationOutcome.Succeeded(new ExplorationWork(hub).run(def.config(), session), tally.usage());
    };
  }

  private static ActivationOutcome.Failed failed(String error, boolean retryable, RunTally tally) {
    return new ActivationOutcome.Failed(error, retryable, tally.usage());
  }

  private void finish(Activation a, String toolType, ActivationOutcome outcome, RunTally tally, Duration took) {
    metrics.activation(a.agent(), toolType, outcome.status(), took, outcome.usage());
    switch (outcome) {
      case ActivationOutcome.Succeeded s ->
          LOG.info("Activation(id={}, agent={}) succeeded in {} ms: {}", a.id(), a.agent(), took.toMillis(), s.detail());
      case ActivationOutcome.Failed f ->
          LOG.warn("Activation(id={}, agent={}) failed (attempt {}, {}): {}", a.id(), a.agent(), a.attempt(), f.retryable() ? "retryable" : "permanent", f.error());
      case ActivationOutcome.Cancelled c ->
          LOG.info("Activation(id={}, agent={}) cancelled: {}", a.id(), a.agent(), c.reason());
    }
    if (outcome instanceof ActivationOutcome.Cancelled) {
      return;
    }
    report(a, toolType, tally, took);
  }

  private void report(Activation a, String toolType, RunTally tally, Duration took) {
    try {
      if (tally.loops() > 0) {
        hub.reportConsumption(new Consumption(a.agent(), a.id().value(), toolType, tally.usage().inputTokens(),
            tally.usage().outputTokens(), tally.cost(), took.toMillis() / 1000.0));
      }
      hub.markActivated(a.agent());
    } catch (HubException e) {
      LOG.warn("Activation(id={}, agent={}) could not be reported to the Hub: {}", a.id(), a.agent(), e.getMessage());
    }
  }
}
