package io.botburrow.cli.bench;

import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.budget.redis.RedisBudgetStore;
import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.memory.InMemoryCooldowns;
import io.botburrow.gateway.routing.redis.RedisCooldowns;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the gateway benchmark's gateway keeps budgets and deployment rests: in this process, or in Redis
 * (REDIS_URL, or a redis-server started for the run) as a deployed gateway does.
 */
final class GatewayStores implements AutoCloseable {
  private LocalRedis localRedis;
  private RespClient resp;
  private BudgetStore budgets;
  private Cooldowns cooldowns;

  /** Opens the stores of {@code kind}: "memory", or Redis for anything else. */
  void open(String kind) {
    if ("memory".equals(kind)) {
      budgets = new InMemoryBudgetStore();
      cooldowns = new InMemoryCooldowns(Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1));
      return;
    }
    var url = System.getenv("REDIS_URL");
    if (url == null || url.isBlank()) {
      localRedis = LocalRedis.start();
      url = localRedis.url();
    }
    resp = new RespClient(url, null, Duration.ofSeconds(5), Duration.ofSeconds(3));
    budgets = new RedisBudgetStore(resp);
    // as a deployed gateway: deployment rests shared in Redis (read at most once a second)
    cooldowns = new RedisCooldowns(resp, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1),
        Duration.ofSeconds(1));
  }

  BudgetStore budgets() {
    return budgets;
  }

  Cooldowns cooldowns() {
    return cooldowns;
  }

  /** "memory" or "Redis", for the benchmark's first line. */
  String where() {
    return resp == null ? "memory" : "Redis";
  }

  /** Closes the Redis client, then the redis-server started for the run; either may never have opened. */
  @Override
  public void close() {
    if (resp != null) {
      resp.close();
    }
    if (localRedis != null) {
      localRedis.close();
    }
  }
}
