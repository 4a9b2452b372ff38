package io.botburrow.tenants;

/**
 * What the LLM gateway lets one tenant spend; 0 leaves the gateway's own setting ({@code botburrow.gateway.*}).
 *
 * @param monthlyUsd USD all agents of the tenant may spend per UTC month
 * @param agentDailyUsd USD one agent of the tenant may spend per UTC day
 * @param agentMonthlyUsd USD one agent of the tenant may spend per UTC month
 */
public record TenantBudget(double monthlyUsd, double agentDailyUsd, double agentMonthlyUsd) {
  public static final TenantBudget NONE = new TenantBudget(0, 0, 0);

  public TenantBudget {
    if (monthlyUsd < 0 || agentDailyUsd < 0 || agentMonthlyUsd < 0) {
      throw new IllegalArgumentException("tenant budgets must be >= 0");
    }
  }
}
