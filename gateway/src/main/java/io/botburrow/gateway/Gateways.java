package io.botburrow.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.auth.GatewayTokens;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.budget.RateLimits;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.memory.InMemoryCooldowns;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.gateway.routing.ModelAdapters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** Builds a gateway without a bean context: for tests, benchmarks and tools. */
public final class Gateways {
  private Gateways() {}

  /** A gateway whose budgets live in this process, with no limits unless given. */
  public static Gateway inMemory(GatewayRoutes routes, String tokenSecret, Clock clock) {
    return build(routes, new InMemoryBudgetStore(), BudgetLimits.NONE, new SimpleMeterRegistry(), tokenSecret, clock);
  }

  public static Gateway build(GatewayRoutes routes, BudgetStore store, BudgetLimits limits, MeterRegistry registry,
      String tokenSecret, Clock clock) {
    return build(routes, store, new AgentLimits(limits, java.util.Map.of()), registry, tokenSecret, clock, false);
  }

  /** @param meterTokens whether it counts {@code botburrow_tokens_total}, as a gateway alone does */
  public static Gateway build(GatewayRoutes routes, BudgetStore store, AgentLimits limits, MeterRegistry registry,
      String tokenSecret, Clock clock, boolean meterTokens) {
    return build(routes, store, new InMemoryCooldowns(clock, Duration.ofMinutes(1), Duration.ofHours(1)), limits,
        registry, tokenSecret, clock, meterTokens);
  }

  /** @param cooldowns where deployments' rests are kept (shared through Redis or this process's own) */
  public static Gateway build(GatewayRoutes routes, BudgetStore store, Cooldowns cooldowns, AgentLimits limits,
      MeterRegistry registry, String tokenSecret, Clock clock, boolean meterTokens) {
    var mapper = new ObjectMapper();
    var metrics = new GatewayMetrics(registry, meterTokens);
    var chain = new DeploymentChain(new ModelAdapters(mapper, clock, Duration.ofSeconds(10)), cooldowns,
        new RateLimits(store, clock),
        (from, to, reason) -> metrics.fallback(from.name(), to.name(), reason), d -> Thread.sleep(d), clock,
        Duration.ofSeconds(5));
    return new Gateway(routes, chain, new Budgets(store), limits, PriceTable.defaults(), metrics,
        new GatewayTokens(tokenSecret, mapper, clock), clock);
  }
}
