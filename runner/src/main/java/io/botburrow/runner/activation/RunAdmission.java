package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.HubClient;
import io.botburrow.runner.llm.ChatModelSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an agent whose definition is loaded may run now: this runner must run its type, its budget must not be
 * spent, and its task must not have been canceled before it started. A refused run ends there, and the people who
 * asked hear why the agent cannot answer.
 */
final class RunAdmission {
  private final AgentSessions sessions;
  private final ChatModelSource models;
  private final HubClient hub;
  private final TriggeredWork triggered;
  private final FailedRuns failed;

  RunAdmission(AgentSessions sessions, ChatModelSource models, HubClient hub, TriggeredWork triggered,
      FailedRuns failed) {
    this.sessions = sessions;
    this.models = models;
    this.hub = hub;
    this.triggered = triggered;
    this.failed = failed;
  }

  /** How {@code run} ends without the agent running, or empty when it may run. */
  Optional<ActivationOutcome> refusal(ActivationRun run, AgentDefinition def) {
    Activation a = run.activation;
    if (!sessions.runs(def)) {
      return Optional.of(failed.couldNotAnswer(run, def.config().behavior(),
          "Agent(name=" + a.agent() + ") has type '" + def.config().type() + "'; this runner runs only type 'native'",
          CannotAnswer.unsupportedType(def.config().type())));
    }
    // one source of truth: the gateway's count where the operator budgets the agent there, else the Hub's
    BudgetHealth budget = models.budgetHealth(a.agent()).orElseGet(() -> hub.budgetHealth(a.agent()));
    if (!budget.healthy()) {
      return Optional.of(failed.couldNotAnswer(run, def.config().behavior(), String.format(Locale.ROOT,
          "Agent(name=%s) budget exhausted: daily %.2f/%.2f USD, monthly %.2f/%.2f USD", a.agent(),
          budget.dailyUsed(), budget.dailyLimit(), budget.monthlyUsed(), budget.monthlyLimit()), CannotAnswer.budget(budget)));
    }
    if (a.kind().keyed() && !triggered.start(a)) {
      return Optional.of(new ActivationOutcome.Succeeded(
          "task " + a.trigger().taskId() + " was canceled before it started", run.tally.usage()));
    }
    return Optional.empty();
  }
}
