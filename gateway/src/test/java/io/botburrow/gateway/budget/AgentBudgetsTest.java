package io.botburrow.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.llm.BudgetExceededException.Scope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-agent budgets and the budget health the runner reads, counted in the budget store. */
class AgentBudgetsTest {
  private final BudgetLimits defaults = new BudgetLimits(1000, 0, 5, 50, 0);

  @Test
  void anAgentsOwnBudgetsReplaceTheDefaultsWhereSetAndKeepThemElsewhere() {
    var own = new AgentBudgetProperties("scout", 1.5, null, 0.25, null);
    var limits = AgentLimits.from(defaults, List.of(own));

    assertThat(limits.apply("scout")).isEqualTo(new BudgetLimits(1000, 0.25, 1.5, 50, 0));
    assertThat(limits.apply("anyone-else")).isEqualTo(defaults);
  }

  @Test
  void budgetHealthReportsTheDaysAndMonthsSpendAgainstTheAgentsLimitsAsTheHubDoes() {
    var store = new InMemoryBudgetStore();
    var limits = AgentLimits.from(defaults, List.of(new AgentBudgetProperties("scout", 1.5, null, null, null)));
    var gateway = Gateways.build(GatewayRoutes.empty(), store, limits, new SimpleMeterRegistry(), "secret-0123456789abcdef",
        Clock.systemUTC(), false);
    var budgets = new Budgets(store);
    var caller = new Caller("scout", "act-1", "acme", Instant.now().plusSeconds(60), 0, List.of());
    var reservation = budgets.reserve(caller, limits.apply("scout"), 10, 1.0, Instant.now());
    budgets.settle(reservation, 10, 1.6);

    var health = gateway.budgetHealth("scout", "acme");

    assertThat(gateway.limitsAgentSpend("scout")).isTrue();
    assertThat(health.dailyLimit()).isEqualTo(1.5);
    assertThat(health.dailyUsed()).isEqualTo(1.6);
    assertThat(health.monthlyLimit()).isEqualTo(50);
    assertThat(health.monthlyUsed()).isEqualTo(1.6);
    assertThat(health.healthy()).isFalse();
    assertThat(gateway.budgetHealth("other", "acme").healthy()).isTrue();
  }

  @Test
  void aWarningCountsOnceWhenACallTakesABudgetAcross80Percent() {
    assertThat(io.botburrow.gateway.GatewayMetricsAccess.crossed(new Budgets.Level(Scope.AGENT_DAY, "USD", 4.1, 5, 3.9)))
        .isTrue();
    assertThat(io.botburrow.gateway.GatewayMetricsAccess.crossed(new Budgets.Level(Scope.AGENT_DAY, "USD", 4.5, 5, 4.1)))
        .isFalse();
    assertThat(io.botburrow.gateway.GatewayMetricsAccess.crossed(new Budgets.Level(Scope.AGENT_DAY, "USD", 3, 5, 2)))
        .isFalse();
  }
}
