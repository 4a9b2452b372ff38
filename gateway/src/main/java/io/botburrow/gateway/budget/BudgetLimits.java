package io.botburrow.gateway.budget;

/**
 * Budget limits of one call's caller; 0 means no limit.
 *
 * @param activationTokens tokens one activation may use in all
 * @param activationUsd USD one activation may spend
 * @param agentDailyUsd USD one agent may spend per UTC day
 * @param agentMonthlyUsd USD one agent may spend per UTC month
 * @param tenantMonthlyUsd USD all agents of one tenant may spend per UTC month
 */
public record BudgetLimits(long activationTokens, double activationUsd, double agentDailyUsd, double agentMonthlyUsd,
    double tenantMonthlyUsd) {
  public static final BudgetLimits NONE = new BudgetLimits(0, 0, 0, 0, 0);

  public BudgetLimits {
    if (activationTokens < 0 || activationUsd < 0 || agentDailyUsd < 0 || agentMonthlyUsd < 0 || tenantMonthlyUsd < 0) {
      throw new IllegalArgumentException("budget limits must be >= 0");
    }
  }

  public BudgetLimits withActivationTokens(long tokens) {
    return new BudgetLimits(tokens, activationUsd, agentDailyUsd, agentMonthlyUsd, tenantMonthlyUsd);
  }
}
