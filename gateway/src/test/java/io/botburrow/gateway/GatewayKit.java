package io.botburrow.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayTokens;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.budget.RateLimits;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.memory.InMemoryCooldowns;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.gateway.routing.ModelAdapters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a gateway over given deployments for tests; records the waits it would have slept. */
final class GatewayKit {
  static final String SECRET = "test-token-secret-0123456789";
  final ObjectMapper mapper = new ObjectMapper();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final List<Duration> waits = new ArrayList<>();
  final Clock clock;
  final GatewayTokens tokens;
  final Gateway gateway;

  GatewayKit(Map<String, List<Deployment>> aliases, BudgetStore store, BudgetLimits limits, Clock clock) {
    this.clock = clock;
    this.tokens = new GatewayTokens(SECRET, mapper, clock);
    var deployments = new LinkedHashMap<String, Deployment>();
    aliases.values().forEach(list -> list.forEach(d -> deployments.put(d.name(), d)));
    var metrics = new GatewayMetrics(registry);
    var chain = new DeploymentChain(new ModelAdapters(mapper, clock, Duration.ofSeconds(2)),
        new InMemoryCooldowns(clock, Duration.ofMinutes(1), Duration.ofHours(1)), new RateLimits(store, clock),
        (from, to, reason) -> metrics.fallback(from.name(), to.name(), reason), waits::add, clock, Duration.ofSeconds(5));
    this.gateway = new Gateway(new GatewayRoutes(deployments, aliases), chain, new Budgets(store), limits,
        PriceTable.defaults(), metrics, tokens, clock);
  }

  GatewayKit(Map<String, List<Deployment>> aliases) {
    this(aliases, new InMemoryBudgetStore(), BudgetLimits.NONE, Clock.systemUTC());
  }

  static Caller caller(String agent, String activation) {
    return new Caller(agent, activation, "acme", Instant.now().plusSeconds(300), 0, List.of());
  }

  String scrape() {
    return registry.scrape();
  }
}
