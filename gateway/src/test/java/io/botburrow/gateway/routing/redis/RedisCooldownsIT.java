package io.botburrow.gateway.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.redis.RedisBudgetStore;
import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.CooldownsContract;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rests in real Redis: the contract, and two gateways (as two runners) sharing them. */
class RedisCooldownsIT extends CooldownsContract {
  private LocalRedis redis;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    redis = LocalRedis.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (var c : closing.reversed()) {
      c.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private RespClient client() {
    var client = new RespClient(redis.url(), null, Duration.ofSeconds(2), Duration.ofSeconds(2));
    closing.add(client);
    return client;
  }

  @Override
  protected Cooldowns cooldowns() {
    return new RedisCooldowns(client(), clock, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1));
  }

  @Test
  void aSecondGatewaySkipsTheDeploymentTheFirstCooledDown() {
    var flaky = server();
    var steady = server();
    flaky.defaultResponder(request -> ScriptedTurn.error(429, "slow down"));
    steady.defaultResponder(request -> ScriptedTurn.text("from steady"));
    var a = new Deployment("flaky", "openai", flaky.baseUrl(), "gpt-4o-mini", "");
    var b = new Deployment("steady", "openai", steady.baseUrl(), "gpt-4o-mini", "");
    var routes = new GatewayRoutes(Map.of("flaky", a, "steady", b), Map.of("smart", List.of(a, b)));
    var one = gateway(routes);
    var two = gateway(routes);

    var first = call(one);
    var second = call(two);

    assertThat(first.deployment().name()).isEqualTo("steady");
    assertThat(first.skipped()).containsExactly(new DeploymentChain.Skip("flaky", "rate_limited"));
    assertThat(second.deployment().name()).isEqualTo("steady");
    assertThat(second.skipped()).containsExactly(new DeploymentChain.Skip("flaky", "cooldown"));
    assertThat(flaky.requests()).hasSize(1);
    assertThat(two.cooldownLeft("flaky")).isGreaterThan(Duration.ofSeconds(50));
  }

  @Test
  void aSuccessAnywhereEndsTheRestEverywhere() {
    var shared = new RedisCooldowns(client(), clock, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1));
    var other = new RedisCooldowns(client(), clock, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(1));
    shared.failed("a", null);
    assertThat(other.until("a")).isPresent();

    shared.succeeded("a");
    clock.advance(Duration.ofSeconds(1));

    assertThat(other.until("a")).isEmpty();
  }

  private ScriptedLlmServer server() {
    var server = new ScriptedLlmServer().start(0);
    closing.add(server);
    return server;
  }

  private Gateway gateway(GatewayRoutes routes) {
    var client = client();
    var cooldowns = new RedisCooldowns(client, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1),
        Duration.ofSeconds(1));
    return Gateways.build(routes, new RedisBudgetStore(client), cooldowns, new AgentLimits(BudgetLimits.NONE, Map.of()),
        new SimpleMeterRegistry(), "cooldown-test-secret-0123456789", Clock.systemUTC(), false);
  }

  private static DeploymentChain.Served call(Gateway gateway) {
    var caller = new Caller("agent-a", "act-1", "acme", Instant.now().plusSeconds(60), 0, List.of());
    var request = new ChatRequest("smart", List.of(new ChatMessage.User("hello")), List.of(), 0.2, 100);
    return gateway.call(caller, request, gateway.chainFor(caller, "smart", m -> Optional.empty()), null);
  }
}
