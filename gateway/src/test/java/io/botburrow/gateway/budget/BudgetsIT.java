package io.botburrow.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.redis.RedisBudgetStore;
import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Budgets in real Redis, shared by two gateways as by two runners. */
class BudgetsIT {
  private static final String SECRET = "budget-test-secret-0123456789";
  private LocalRedis redis;
  private RespClient first;
  private RespClient second;
  private ScriptedLlmServer provider;
  private GatewayRoutes routes;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    redis = LocalRedis.start();
    first = new RespClient(redis.url(), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
    second = new RespClient(redis.url(), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
    provider = new ScriptedLlmServer().start(0);
    var gpt = new Deployment("gpt", "openai", provider.baseUrl(), "gpt-4o", "");
    routes = new GatewayRoutes(Map.of("gpt", gpt), Map.of("smart", List.of(gpt)));
  }

  @AfterEach
  void stop() {
    if (redis != null) {
      provider.close();
      first.close();
      second.close();
      redis.close();
    }
  }

  private Gateway gateway(RespClient client, BudgetLimits limits, PrometheusMeterRegistry registry) {
    return Gateways.build(routes, new RedisBudgetStore(client), limits, registry, SECRET, Clock.systemUTC());
  }

  private static ChatRequest request(int maxTokens) {
    return request(maxTokens, "hello");
  }

  private static ChatRequest request(int maxTokens, String prompt) {
    return new ChatRequest("smart", List.of(new ChatMessage.User(prompt)), List.of(), 0.2, maxTokens);
  }

  private static Caller caller(String activation) {
    return new Caller("spender", activation, "acme", Instant.now().plusSeconds(60), 0, List.of());
  }

  @Test
  void twentyConcurrentActivationsOvershootTheDailyBudgetByAtMostOneCall() throws Exception {
    // each call: a prompt of about 1000 tokens and 500 out on gpt-4o = 0.0075 USD, its worst case too
    provider.defaultResponder(request -> ScriptedTurn.text("ok").withUsage(1000, 500));
    double limit = 0.03;
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var gateway = gateway(first, new BudgetLimits(0, 0, limit, 0, 0), registry);
    var refused = new AtomicInteger();
    var calls = new ArrayList<Callable<Void>>();
    for (int i = 0; i < 20; i++) {
      var caller = caller("act-" + i);
      calls.add(() -> {
        try {
          gateway.call(caller, request(500, "x".repeat(4000)), gateway.chainFor(caller, "smart", m -> java.util.Optional.empty()), null);
        } catch (BudgetExceededException e) {
          refused.incrementAndGet();
        }
        return null;
      });
    }
    try (var pool = Executors.newFixedThreadPool(20)) {
      pool.invokeAll(calls);
    }

    double spent = (20 - refused.get()) * 0.0075;
    double oneCallWorstCase = 0.0075;
    assertThat(refused.get()).isPositive();
    assertThat(spent).isLessThanOrEqualTo(limit + oneCallWorstCase);
    assertThat(registry.scrape()).contains("botburrow_cost_usd_total{agent=\"spender\",model=\"gpt-4o\",tenant=\"acme\"}");
  }

  @Test
  void anAnswerServedWhileRedisFreezesIsKeptAndItsBudgetsAreSettledOnceRedisAnswers() throws Exception {
    // Redis freezes (SIGSTOP: state and connections kept) while the provider answers: after the reservation,
    // before the settlement
    var frozen = new AtomicInteger();
    provider.defaultResponder(request -> {
      if (frozen.getAndIncrement() == 0) {
        signal("STOP");
      }
      return ScriptedTurn.text("answered during the freeze").withUsage(10, 5);
    });
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var gateway = gateway(first, new BudgetLimits(0, 0, 5.0, 0, 0), registry);
    var caller = caller("act-frozen");
    double reserved;
    try {
      var served = gateway.call(caller, request(1000, "x".repeat(4000)),
          gateway.chainFor(caller, "smart", m -> java.util.Optional.empty()), null);

      assertThat(served.response().content()).isEqualTo("answered during the freeze");
      assertThat(registry.scrape()).contains("botburrow_budget_settlements_deferred 1.0");
    } finally {
      signal("CONT");
    }
    reserved = agentDayUsed(gateway, caller);
    // the call's worst case (about 1,000 prompt and 1,000 answer tokens) stays counted until it is settled
    assertThat(reserved).isGreaterThan(0.005);

    var next = caller("act-after");
    gateway.call(next, request(100), gateway.chainFor(next, "smart", m -> java.util.Optional.empty()), null);

    // both calls settled to what they used: 2 x (10 in, 5 out) on gpt-4o
    assertThat(agentDayUsed(gateway, caller)).isCloseTo(2 * (10 * 2.5 + 5 * 10.0) / 1_000_000, within(1e-6));
    assertThat(registry.scrape()).contains("botburrow_budget_settlements_deferred 0.0");
    assertThat(provider.requests()).hasSize(2);
  }

  private static double agentDayUsed(Gateway gateway, Caller caller) {
    return gateway.budgets(caller).stream().filter(l -> l.scope() == BudgetExceededException.Scope.AGENT_DAY)
        .findFirst().orElseThrow().used();
  }

  private void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(redis.pid())).inheritIO().start().waitFor();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aSecondRunnerSeesTheBudgetTheFirstOneSpent() {
    provider.defaultResponder(request -> ScriptedTurn.text("ok").withUsage(1000, 1000));
    var limits = new BudgetLimits(0, 0, 0.01, 0, 0);
    var one = gateway(first, limits, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    var two = gateway(second, limits, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    var caller = caller("act-1");
    one.call(caller, request(100), one.chainFor(caller, "smart", m -> java.util.Optional.empty()), null);
    int before = provider.requests().size();

    var other = caller("act-2");
    assertThatThrownBy(() -> two.call(other, request(100), two.chainFor(other, "smart", m -> java.util.Optional.empty()), null))
        .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
          assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.AGENT_DAY);
          assertThat(e.used()).isGreaterThanOrEqualTo(0.01);
        });
    assertThat(provider.requests()).hasSize(before);
  }

  @Test
  void anActivationsTokenLimitStopsItsCalls() {
    provider.defaultResponder(request -> ScriptedTurn.text("ok").withUsage(800, 300));
    var gateway = gateway(first, BudgetLimits.NONE, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    var caller = new Caller("spender", "act-t", "acme", Instant.now().plusSeconds(60), 1000, List.of());
    gateway.call(caller, request(100), gateway.chainFor(caller, "smart", m -> java.util.Optional.empty()), null);

    assertThatThrownBy(() -> gateway.call(caller, request(100), gateway.chainFor(caller, "smart", m -> java.util.Optional.empty()), null))
        .isInstanceOfSatisfying(BudgetExceededException.class, e -> assertThat(e.unit()).isEqualTo("tokens"));
  }
}
