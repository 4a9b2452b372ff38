package io.botburrow.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator's per-agent budgets, as configuration files and options give them. */
class AgentBudgetPropertiesTest {
  @Test
  void anAgentsOwnBudgetReplacesTheDefaultAndOthersKeepIt() {
    try (ApplicationContext context = ApplicationContext.builder().environments("gateway").deduceEnvironment(false)
        .properties(Map.of("botburrow.gateway.agent-daily-usd", "5", "botburrow.gateway.agents.broke-agent.daily-usd",
            "0.000001", "botburrow.gateway.budget-store", "memory", "micronaut.server.port", -1))
        .start()) {
      AgentLimits limits = context.getBean(AgentLimits.class);
      assertThat(limits.apply("broke-agent").agentDailyUsd()).isEqualTo(0.000001);
      assertThat(limits.apply("other").agentDailyUsd()).isEqualTo(5.0);
    }
  }
}
