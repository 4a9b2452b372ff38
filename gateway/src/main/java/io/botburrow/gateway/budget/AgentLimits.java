package io.botburrow.gateway.budget;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operator's budget limits per agent: the defaults, or an agent's own overrides. Pure once built. */
public final class AgentLimits implements Function<String, BudgetLimits> {
  private final BudgetLimits defaults;
  private final Map<String, BudgetLimits> own;

  public AgentLimits(BudgetLimits defaults, Map<String, BudgetLimits> own) {
    this.defaults = defaults;
    this.own = Map.copyOf(own);
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
