package io.botburrow.gateway;

import io.botburrow.gateway.budget.Budgets;
import io.botburrow.llm.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The gateway's meters: {@code botburrow_llm_requests_total{agent,model,provider,status}}, {@code
 * botburrow_llm_time_to_first_token_seconds{provider}}, {@code botburrow_llm_duration_seconds{provider}},
 * {@code botburrow_cost_usd_total{agent,tenant,model}}, {@code botburrow_llm_unknown_cost_total{agent,model}},
 * {@code botburrow_llm_fallbacks_total{from,to,reason}}, {@code botburrow_budget_used_ratio{scope}} (the
 * last call's level per budget), {@code botburrow_budget_warnings_total{scope,agent}} (calls that took a
 * budget across 80 %) and, where the gateway meters tokens itself (alone, not in a runner, which counts
 * its activations' tokens), {@code botburrow_tokens_total{agent,tenant,tool_type,direction}}. Meters are looked
 * up once per tag set and kept: registering on every call costs more than the call's own bookkeeping.
 */
public final class GatewayMetrics {
  static final double WARNING_RATIO = 0.8;
  private final MeterRegistry registry;
  private final boolean meterTokens;
  private final Map<String, AtomicLong> ratios = new ConcurrentHashMap<>();
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  public GatewayMetrics(MeterRegistry registry) {
    this(registry, false);
  }

  /** @param meterTokens whether this gateway counts {@code botburrow_tokens_total} (a runner counts its own) */
  public GatewayMetrics(MeterRegistry registry, boolean meterTokens) {
    this.registry = registry;
    this.meterTokens = meterTokens;
  }

  /** {@code botburrow_budget_settlements_deferred}: settlements that wait for the budget store to answer again. */
  void deferredSettlements(java.util.function.Supplier<Number> count) {
    io.micrometer.core.instrument.Gauge.builder("botburrow.budget.settlements.deferred", count)
        .description("budget settlements waiting for the budget store (their calls' worst case stays counted)")
        .register(registry);
  }

  void request(String agent, String model, String provider, String status, Duration duration, Duration firstToken) {
    counter(List.of("requests", agent, model, provider, status), k -> Counter.builder("botburrow.llm.requests")
        .description("LLM calls through the gateway")
        .tags("agent", agent, "model", model, "provider", provider, "status", status).register(registry)).increment();
    timer(List.of("duration", provider), k -> Timer.builder("botburrow.llm.duration")
        .description("LLM call time through the gateway").tags("provider", provider).register(registry))
        .record(duration);
    if (firstToken != null) {
      timer(List.of("ttft", provider), k -> Timer.builder("botburrow.llm.time.to.first.token")
          .description("time to the first piece of an LLM answer").tags("provider", provider).register(registry))
          .record(firstToken);
    }
  }

  void tokens(String agent, String tenant, String toolType, Usage usage) {
    if (!meterTokens) {
      return;
    }
    tokenCounter(agent, tenant, toolType, "input").increment(usage.inputTokens());
    tokenCounter(agent, tenant, toolType, "output").increment(usage.outputTokens());
  }

  private Counter tokenCounter(String agent, String tenant, String toolType, String direction) {
    // the runner's meter, same name and tags, so dashboards read one series whoever counted
    return counter(List.of("tokens", agent, tenant, toolType, direction), k -> Counter.builder("botburrow.tokens")
        .description("LLM tokens used").tags("agent", agent, "tenant", tenant, "tool_type", toolType, "direction", direction)
        .register(registry));
  }

  void cost(String agent, String tenant, String model, double usd) {
    counter(List.of("cost", agent, tenant, model), k -> Counter.builder("botburrow.cost.usd")
        .description("USD spent on LLM calls").tags("agent", agent, "tenant", tenant, "model", model)
        .register(registry)).increment(usd);
  }

  void unknownCost(String agent, String model) {
    counter(List.of("unknown", agent, model), k -> Counter.builder("botburrow.llm.unknown.cost")
        .description("LLM calls on models missing from the price table").tags("agent", agent, "model", model)
        .register(registry)).increment();
  }

  public void fallback(String from, String to, String reason) {
    counter(List.of("fallback", from, to, reason), k -> Counter.builder("botburrow.llm.fallbacks")
        .description("calls moved to the next deployment").tags("from", from, "to", to, "reason", reason)
        .register(registry)).increment();
  }

  /** Records each limited budget's level after a call; a call that took one across 80 % counts a warning. */
  void budgets(String agent, List<Budgets.Level> levels) {
    for (var level : levels) {
      var scope = level.scope().wireName() + ("tokens".equals(level.unit()) ? "_tokens" : "");
      ratios.computeIfAbsent(scope, s -> {
        var holder = new AtomicLong();
        Gauge.builder("botburrow.budget.used.ratio", holder, h -> h.get() / 1e6)
            .description("share of a budget used, as of the last call").tags("scope", s).register(registry);
        return holder;
      }).set(Math.round(level.ratio() * 1e6));
      if (crossedWarning(level)) {
        warnings(scope, agent).increment();
      }
    }
  }

  /** Whether this call took the budget from under 80 % to 80 % or more. Pure. */
  static boolean crossedWarning(Budgets.Level level) {
    return level.limit() > 0 && level.ratio() >= WARNING_RATIO && level.usedBefore() / level.limit() < WARNING_RATIO;
  }

  Counter warnings(String scope, String agent) {
    return counter(List.of("warnings", scope, agent), k -> Counter.builder("botburrow.budget.warnings")
        .description("calls that took a budget across 80 %").tags("scope", scope, "agent", agent).register(registry));
  }

  private Counter counter(List<String> key, Function<List<String>, Counter> make) {
    var counter = counters.get(key);
    return counter != null ? counter : counters.computeIfAbsent(key, make);
  }

  private Timer timer(List<String> key, Function<List<String>, Timer> make) {
    var timer = timers.get(key);
    return timer != null ? timer : timers.computeIfAbsent(key, make);
  }
}
