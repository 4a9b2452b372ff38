package io.botburrow.gateway.budget;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code botburrow.gateway.agents.<agent>.*}: one agent's budgets where the operator sets them apart
 * from the defaults ({@code botburrow.gateway.agent-daily-usd} and the others). Unset values keep the
 * default; 0 means no limit.
 *
 * @param dailyUsd USD per UTC day
 * @param monthlyUsd USD per UTC month
 * @param activationUsd USD per activation
 * @param activationTokens tokens per activation when the agent's definition sets none
 */
@EachProperty("botburrow.gateway.agents")
public record AgentBudgetProperties(
    @Parameter String name,
    @Nullable Double dailyUsd,
    @Nullable Double monthlyUsd,
    @Nullable Double activationUsd,
    @Nullable Long activationTokens) {

  /** {@code defaults} with this agent's own values where it has them. */
  public BudgetLimits over(BudgetLimits defaults) {
    return new BudgetLimits(
        activationTokens != null ? activationTokens : defaults.activationTokens(),
        activationUsd != null ? activationUsd : defaults.activationUsd(),
        dailyUsd != null ? dailyUsd : defaults.agentDailyUsd(),
        monthlyUsd != null ? monthlyUsd : defaults.agentMonthlyUsd(),
        defaults.tenantMonthlyUsd());
  }
}
