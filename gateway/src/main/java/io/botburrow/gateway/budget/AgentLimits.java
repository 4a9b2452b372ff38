package io.botburrow.gateway.budget;

import io.botburrow.tenants.TenantBudget;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operator's budget limits per agent: the defaults, or an agent's own overrides. Pure once built. */
public final class AgentLimits implements Function<String, BudgetLimits> {
  private final BudgetLimits defaults;
  private final Map<String, BudgetLimits> own;
  private final Map<String, TenantBudget> tenants;

  public AgentLimits(BudgetLimits defaults, Map<String, BudgetLimits> own) {
    this(defaults, own, Map.of());
  }

  private AgentLimits(BudgetLimits defaults, Map<String, BudgetLimits> own, Map<String, TenantBudget> tenants) {
    this.defaults = defaults;
    this.own = Map.copyOf(own);
    this.tenants = Map.copyOf(tenants);
  }

  /**
   * These limits with each tenant's budgets ({@code botburrow.tenants.<name>.budget.*}): a tenant's monthly limit,
   * and its agents' daily and monthly limits where an agent has none of its own; 0 keeps the gateway's.
   */
  public AgentLimits withTenants(Map<String, TenantBudget> budgets) {
    return new AgentLimits(defaults, own, budgets);
  }

  /** The limits of {@code agent} of {@code tenant}. Pure. */
  public BudgetLimits apply(String agent, String tenant) {
    BudgetLimits base = apply(agent);
    TenantBudget t = tenant == null ? null : tenants.get(tenant);
    if (t == null) {
      return base;
    }
    boolean ownLimits = own.containsKey(agent);
    return new BudgetLimits(base.activationTokens(), base.activationUsd(),
        !ownLimits && t.agentDailyUsd() > 0 ? t.agentDailyUsd() : base.agentDailyUsd(),
        !ownLimits && t.agentMonthlyUsd() > 0 ? t.agentMonthlyUsd() : base.agentMonthlyUsd(),
        t.monthlyUsd() > 0 ? t.monthlyUsd() : base.tenantMonthlyUsd());
  }

  public static AgentLimits from(BudgetLimits defaults, List<AgentBudgetProperties> overrides) {
    return new AgentLimits(defaults, overrides.stream()
        .collect(Collectors.toMap(AgentBudgetProperties::name, o -> o.over(defaults))));
  }

  @Override
  public BudgetLimits apply(String agent) {
    return own.getOrDefault(agent, defaults);
  }

  public BudgetLimits defaults() {
    return defaults;
  }
}
