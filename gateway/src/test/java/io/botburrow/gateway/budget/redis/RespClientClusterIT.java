package io.botburrow.gateway.budget.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.redis.LocalRedisCluster;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Counter;
import io.botburrow.gateway.routing.redis.RedisCooldowns;
import io.botburrow.llm.BudgetExceededException.Scope;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's own Redis client on a real 3-primary Redis Cluster on loopback. */
class RespClientClusterIT {
  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    cluster = LocalRedisCluster.start(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static RespClient client() {
    List<InetSocketAddress> nodes = cluster.nodes().stream()
        .map(node -> InetSocketAddress.createUnresolved("127.0.0.1", node.port())).toList();
    return RespClient.cluster("redis://127.0.0.1:6379", null, Duration.ofSeconds(2), Duration.ofSeconds(2), nodes);
  }

  @Test
  void followsRedirectionsToTheNodeOfEachKeysSlot() throws Exception {
    try (RespClient redis = client()) {
      for (int i = 0; i < 100; i++) {
        redis.call(List.of("SET", "key-" + i, "value-" + i));
      }
      List<Object> values = IntStream.range(0, 100).mapToObj(i -> {
        try {
          return redis.call(List.of("GET", "key-" + i));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      assertThat(values).containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "value-" + i).toList());
      // the keys are spread over all three primaries, which each hold some
      for (LocalRedis node : cluster.nodes()) {
        try (RespClient direct = new RespClient("redis://127.0.0.1:" + node.port(), null, Duration.ofSeconds(2),
            Duration.ofSeconds(2))) {
          assertThat((Long) direct.call(List.of("DBSIZE"))).isPositive();
        }
      }
    }
  }

  @Test
  void budgetChecksAndCooldownsRunTheirScriptsWithinOneSlot() throws Exception {
    try (RespClient redis = client()) {
      RedisBudgetStore budgets = new RedisBudgetStore(redis, true);
      List<Counter> counters = List.of(
          new Counter("botburrow:budget:act:a1:tokens", Scope.ACTIVATION, "tokens", 100, Duration.ofDays(2)),
          new Counter("botburrow:budget:agent:alice:day:2026-12-03:usd", Scope.AGENT_DAY, "USD", 0, Duration.ofDays(3)),
          new Counter("botburrow:budget:tenant:default:month:2026-12:usd", Scope.TENANT_MONTH, "USD", 0,
              Duration.ofDays(40)));

      BudgetStore.Result first = budgets.tryAdd(counters, new long[] {60, 5, 5});
      BudgetStore.Result second = budgets.tryAdd(counters, new long[] {60, 5, 5});
      BudgetStore.Result third = budgets.tryAdd(counters, new long[] {60, 5, 5});

      assertThat(first.refused()).isEqualTo(-1);
      assertThat(second.refused()).isEqualTo(-1);
      assertThat(third.refused()).isEqualTo(0);
      assertThat(budgets.values(counters)).containsExactly(120, 10, 10);

      RedisCooldowns cooldowns = new RedisCooldowns(redis, Clock.systemUTC(), Duration.ofSeconds(10),
          Duration.ofMinutes(5), Duration.ZERO);
      assertThat(cooldowns.failed("east", null)).isPositive();
      assertThat(cooldowns.until("east")).isPresent();
    }
  }
}
