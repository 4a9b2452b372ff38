package io.botburrow.gateway.budget.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.redis.LocalRedisSentinels;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's Redis client behind real sentinels: it follows the primary they promote. */
class RespClientSentinelIT {
  private static final String INCR = "return {redis.call('INCR', KEYS[1])}";
  private static final String INCR_SHA = RespClient.sha1(INCR);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
  }

  @Test
  void followsTheReplicaPromotedAfterThePrimaryIsKilled() throws Exception {
    try (var set = LocalRedisSentinels.start(1, 3, Duration.ofSeconds(1)); var client = client(set)) {
      assertThat(client.evalIntegers(INCR, INCR_SHA, List.of("budget"), List.of())).containsExactly(1L);
      LocalRedis old = set.primary().orElseThrow();
      old.kill();

      // the script cache of the promoted replica is empty: EVALSHA, NOSCRIPT, then EVAL
      List<Long> after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .ignoreExceptions().until(() -> client.evalIntegers(INCR, INCR_SHA, List.of("budget"), List.of()), r -> true);
      // the sentinels name the promoted replica to clients a moment before they switch over themselves
      LocalRedis promoted = await().atMost(Duration.ofSeconds(10))
          .until(() -> set.primary().filter(p -> p != old).orElse(null), p -> p != null);
      // replication is asynchronous: the increment before the kill may or may not have reached the replica
      assertThat(after.getFirst()).isBetween(1L, 2L);
      assertThat(client.call(List.of("GET", "budget"))).isEqualTo(Long.toString(after.getFirst()));
      assertThat(LocalRedisSentinels.info(promoted.port(), "replication")).contains("role:master");
    }
  }

  @Test
  void dropsItsConnectionsToAPrimaryDemotedByAFailover() throws Exception {
    try (var set = LocalRedisSentinels.start(1, 3, Duration.ofSeconds(1)); var client = client(set)) {
      client.call(List.of("SET", "k", "before"));
      LocalRedis old = set.primary().orElseThrow();
      set.failover();
      await().atMost(Duration.ofSeconds(20)).until(() -> set.primary().filter(p -> p != old).isPresent());

      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
          .until(() -> "OK".equals(client.call(List.of("SET", "k", "after"))));
      LocalRedis promoted = set.primary().orElseThrow();
      assertThat(old.isRunning()).as("the demoted primary still runs, as a replica").isTrue();
      assertThat(LocalRedisSentinels.info(promoted.port(), "keyspace")).contains("keys=1");
      assertThat(client.call(List.of("GET", "k"))).isEqualTo("after");
    }
  }

  private static RespClient client(LocalRedisSentinels set) {
    List<InetSocketAddress> sentinels = set.sentinelNodes().stream()
        .map(n -> InetSocketAddress.createUnresolved("127.0.0.1", Integer.parseInt(n.substring(n.lastIndexOf(':') + 1))))
        .toList();
    var primary = RedisPrimary.sentinels(LocalRedisSentinels.MASTER_NAME, sentinels, false, null, TIMEOUT, TIMEOUT);
    return new RespClient("redis://127.0.0.1:1", null, TIMEOUT, TIMEOUT, primary);
  }
}
