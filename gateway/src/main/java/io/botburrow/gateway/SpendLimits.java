package io.botburrow.gateway;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.hub.BudgetHealth;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The operator's budget limits of a caller or an agent, and where their spend stands against them: every
 * budget of a caller, and an agent's daily and monthly health as the Hub reports it.
 */
final class SpendLimits {
  private final Budgets budgets;
  private final Function<String, BudgetLimits> agentLimits;
  private final Clock clock;

  SpendLimits(Budgets budgets, Function<String, BudgetLimits> agentLimits, Clock clock) {
    this.budgets = budgets;
    this.agentLimits = agentLimits;
    this.clock = clock;
  }

  /** The operator's limits for this caller: its agent's own where the operator set them, its token limit. */
  BudgetLimits of(Caller caller) {
    var own = of(caller.agent(), caller.tenant());
    return own.withActivationTokens(caller.tokenLimit() > 0 ? caller.tokenLimit() : own.activationTokens());
  }

  /** Whether the operator gave {@code agent} of {@code tenant} a daily or monthly budget. */
  boolean limitsAgentSpend(String agent, String tenant) {
    var limits = of(agent, tenant);
    return limits.agentDailyUsd() > 0 || limits.agentMonthlyUsd() > 0;
  }

  /** Every budget of {@code caller} as it stands now (limit 0: none). Blocks on the budget store. */
  List<Budgets.Level> levels(Caller caller) {
    return budgets.levels(caller, of(caller), clock.instant());
  }

  /** {@code agent}'s daily and monthly spend against its limits. Blocks on the budget store. */
  BudgetHealth health(String agent, String tenant) {
    var caller = new Caller(agent, "budget-health", tenant, clock.instant().plusSeconds(1), 0, List.of());
    double dailyUsed = 0;
    double dailyLimit = 0;
    double monthlyUsed = 0;
    double monthlyLimit = 0;
    for (var level : levels(caller)) {
      switch (level.scope()) {
        case AGENT_DAY -> {
          dailyUsed = level.used();
          dailyLimit = level.limit();
        }
        case AGENT_MONTH -> {
          monthlyUsed = level.used();
          monthlyLimit = level.limit();
        }
        default -> { }
      }
    }
    boolean healthy = (dailyLimit <= 0 || dailyUsed < dailyLimit) && (monthlyLimit <= 0 || monthlyUsed < monthlyLimit);
    return new BudgetHealth(agent, dailyLimit, dailyUsed, monthlyLimit, monthlyUsed, healthy);
  }

  private BudgetLimits of(String agent, String tenant) {
    return agentLimits instanceof AgentLimits limits ? limits.apply(agent, tenant) : agentLimits.apply(agent);
  }
}
