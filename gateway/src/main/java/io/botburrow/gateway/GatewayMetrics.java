package io.botburrow.gateway;

import io.botburrow.gateway.budget.Budgets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's meters: {@code botburrow_llm_requests_total{agent,model,provider,status}}, {@code
 * botburrow_llm_time_to_first_token_seconds}, {@code botburrow_llm_duration_seconds}, {@code
 * botburrow_cost_usd_total{agent,tenant,model}}, {@code botburrow_llm_unknown_cost_total{agent,model}},
 * {@code botburrow_llm_fallbacks_total{from,to,reason}}, {@code botburrow_budget_used_ratio{scope}} (the
 * last call's level per budget) and {@code botburrow_budget_warnings_total{scope,agent}} (calls that
 * left a budget at 80 % or more).
 */
public final class GatewayMetrics {
  static final double WARNING_RATIO = 0.8;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> ratios = new ConcurrentHashMap<>();

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void request(String agent, String model, String provider, String status, Duration duration, Duration firstToken) {
    Counter.builder("botburrow.llm.requests").description("LLM calls through the gateway")
        .tags("agent", agent, "model", model, "provider", provider, "status", status).register(registry).increment();
    Timer.builder("botburrow.llm.duration").description("LLM call time through the gateway")
        .tags("provider", provider).register(registry).record(duration);
    if (firstToken != null) {
      Timer.builder("botburrow.llm.time.to.first.token").description("time to the first piece of an LLM answer")
          .tags("provider", provider).register(registry).record(firstToken);
    }
  }

  void cost(String agent, String tenant, String model, double usd) {
    Counter.builder("botburrow.cost.usd").description("USD spent on LLM calls")
        .tags("agent", agent, "tenant", tenant, "model", model).register(registry).increment(usd);
  }

  void unknownCost(String agent, String model) {
    Counter.builder("botburrow.llm.unknown.cost").description("LLM calls on models missing from the price table")
        .tags("agent", agent, "model", model).register(registry).increment();
  }

  public void fallback(String from, String to, String reason) {
    Counter.builder("botburrow.llm.fallbacks").description("calls moved to the next deployment")
        .tags("from", from, "to", to, "reason", reason).register(registry).increment();
  }

  void budgets(String agent, List<Budgets.Level> levels) {
    for (var level : levels) {
      var scope = level.scope().wireName() + ("tokens".equals(level.unit()) ? "_tokens" : "");
      ratios.computeIfAbsent(scope, s -> {
        var holder = new AtomicLong();
        Gauge.builder("botburrow.budget.used.ratio", holder, h -> h.get() / 1e6)
            .description("share of a budget used, as of the last call").tags("scope", s).register(registry);
        return holder;
      }).set(Math.round(level.ratio() * 1e6));
      if (level.ratio() >= WARNING_RATIO) {
        Counter.builder("botburrow.budget.warnings").description("calls that left a budget at 80 % or more")
            .tags("scope", scope, "agent", agent).register(registry).increment();
      }
    }
  }
}
