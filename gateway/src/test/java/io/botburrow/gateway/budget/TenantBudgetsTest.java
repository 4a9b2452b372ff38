package io.botburrow.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.BudgetExceededException.Scope;
import io.botburrow.tenants.TenantBudget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each tenant's budgets (botburrow.tenants.<name>.budget.*) as the gateway enforces them. */
class TenantBudgetsTest {
  private final BudgetLimits defaults = new BudgetLimits(1000, 0, 5, 50, 0);

  private static Caller caller(String agent, String tenant) {
    return new Caller(agent, "act-" + System.nanoTime(), tenant, Instant.now().plusSeconds(60), 0, List.of());
  }

  @Test
  void aTenantsBudgetsApplyToItsAgentsUnlessAnAgentHasItsOwn() {
    var limits = AgentLimits.from(defaults, List.of(new AgentBudgetProperties("scout", 1.5, null, null, null)))
        .withTenants(Map.of("beta", new TenantBudget(200, 2, 20)));

    assertThat(limits.apply("writer", "beta")).isEqualTo(new BudgetLimits(1000, 0, 2, 20, 200));
    assertThat(limits.apply("scout", "beta")).as("the agent's own limits win").isEqualTo(new BudgetLimits(1000, 0, 1.5, 50, 200));
    assertThat(limits.apply("writer", "default")).isEqualTo(defaults);
  }

  @Test
  void aTenantsMonthlyBudgetStopsItsAgentsOnceSpent() {
    var store = new InMemoryBudgetStore();
    var budgets = new Budgets(store, Set.of("beta"));
    var limits = AgentLimits.from(defaults, List.of()).withTenants(Map.of("beta", new TenantBudget(1.0, 0, 0)));
    var first = budgets.reserve(caller("writer", "beta"), limits.apply("writer", "beta"), 10, 0.6, Instant.now());
    budgets.settle(first, 10, 1.1);

    assertThatThrownBy(() -> budgets.reserve(caller("reader", "beta"), limits.apply("reader", "beta"), 10, 0.6, Instant.now()))
        .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.scope()).isEqualTo(Scope.TENANT_MONTH));
    budgets.reserve(caller("reader", "default"), limits.apply("reader", "default"), 10, 0.6, Instant.now());
  }

  @Test
  void sameNamedAgentsOfTwoTenantsSpendFromBudgetsOfTheirOwn() {
    var store = new InMemoryBudgetStore();
    var budgets = new Budgets(store, Set.of("beta"));
    var spent = budgets.reserve(caller("scout", "beta"), defaults, 10, 1.0, Instant.now());
    budgets.settle(spent, 10, 4.0);

    assertThat(budgets.levels(caller("scout", "beta"), defaults, Instant.now()))
        .filteredOn(l -> l.scope() == Scope.AGENT_DAY).singleElement().extracting(Budgets.Level::used).isEqualTo(4.0);
    assertThat(budgets.levels(caller("scout", "default"), defaults, Instant.now()))
        .filteredOn(l -> l.scope() == Scope.AGENT_DAY).singleElement().extracting(Budgets.Level::used).isEqualTo(0.0);
  }
}
