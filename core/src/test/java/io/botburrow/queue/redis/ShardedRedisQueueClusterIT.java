package io.botburrow.queue.redis;

import io.botburrow.queue.ActivationQueueContract;
import io.botburrow.queue.QueueFixture;
import io.botburrow.queue.QueueSettings;
import io.botburrow.redis.RedisClusterProperties;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.MutableClock;
import io.botburrow.testing.TestRedisCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.Lease;
import io.botburrow.queue.RunningLease;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The activation protocol (single flight, redelivery, dead letters, fencing...) on the sharded queue over a
 * real 3-primary Redis Cluster: two tenants of three shards each, so every test's agents spread over shards
 * and primaries, and every queue script runs against a cluster (a key outside a script's slot fails it with
 * CROSSSLOT).
 */
class ShardedRedisQueueClusterIT implements ActivationQueueContract {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static TestRedisCluster cluster;
  private static RedissonClient client;

  private QueueFixture fixture;
  private ShardedRedisQueue queue;

  @BeforeAll
  static void startCluster() {
    cluster = TestRedisCluster.startOrSkip(3);
    RedisProperties properties = RedisProperties.defaults().withKeyPrefix("{botburrow}:");
    client = RedissonFactory.createClient(
        properties, RedisSentinelProperties.none(), RedisClusterProperties.of(cluster.nodes(), 3));
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) {
      client.shutdown();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void createQueue() {
    String prefix = "{test" + TEST_NUMBER.incrementAndGet() + "}:";
    QueueShards layout = new QueueShards(prefix, true, 3, Map.of("other", 2));
    QueueSettings settings = QueueSettings.defaults();
    MutableClock clock = new MutableClock();
    queue = new ShardedRedisQueue(client, layout, settings, clock);
    RedisQueueKeys base = new RedisQueueKeys(prefix);
    fixture = new QueueFixture(
        queue, queue, queue, queue, new RedisEffectLedger(client, base), clock, settings, token -> {
          // what the election does (its counter) and what the queue does on being told (every shard's)
          client.getBucket(base.fencingCounter(), StringCodec.INSTANCE).set(Long.toString(token));
          queue.leadershipGained(token);
        });
    fixture.startTerm().accept(TOKEN);
  }

  @AfterEach
  void closeQueue() {
    queue.close();
  }

  /**
   * Priority holds within a shard; a runner takes the best of the shard it is on, staying there for up to 64
   * claims while it has work (each process starts at a random shard). So the contract's order is checked for
   * agents of one shard.
   */
  @Override
  @Test
  public void claimsByPriorityMessagesWebhooksDelegationsSchedulesExploration() {
    List<String> agents = agentsOfOneShard(5);
    enqueue(exploration(agents.get(4)));
    enqueue(triggered(agents.get(3), ActivationKind.SCHEDULE, "s1"));
    enqueue(triggered(agents.get(2), ActivationKind.DELEGATION, "d1"));
    enqueue(triggered(agents.get(1), ActivationKind.WEBHOOK, "w1"));
    enqueue(triggered(agents.get(0), ActivationKind.MESSAGE, "m1"));

    for (String agent : agents) {
      assertThat(claimOrFail(RunnerPool.HYBRID, "r").activation().agent()).isEqualTo(agent);
    }
  }

  /** Promotion of waiting work is part of the priority order, so it too is checked within one shard. */
  @Override
  @Test
  public void promotesWorkThatWaitedSoNothingStarves() {
    List<String> agents = agentsOfOneShard(2);
    enqueue(exploration(agents.get(0)));
    clock().advance(fixture().settings().promoteAfter().multipliedBy(5));
    enqueue(notification(agents.get(1), "n1"));

    assertThat(claimOrFail(RunnerPool.HYBRID, "r").activation().agent()).isEqualTo(agents.get(0));
  }

  @Test
  void aNewTermFencesTheDeposedLeaderOutOfEveryShard() {
    List<String> agents = oneAgentPerShard();
    fixture.startTerm().accept(5);
    agents.forEach(agent -> assertThat(queue.enqueue(notification(agent, agent + "-1"), 5)).isEqualTo(EnqueueResult.ENQUEUED));

    fixture.startTerm().accept(6);

    assertThatThrownBy(() -> queue.enqueueAll(agents.stream().map(agent -> notification(agent, agent + "-2")).toList(), 5))
        .isInstanceOf(FencedOutException.class);
    for (String agent : agents) {
      assertThatThrownBy(() -> queue.enqueue(notification(agent, agent + "-2"), 5)).isInstanceOf(FencedOutException.class);
      assertThat(queue.enqueue(notification(agent + "-x", "x"), 6)).isEqualTo(EnqueueResult.ENQUEUED);
    }
  }

  @Test
  void aShardThatLostItsStateTakesOnlyTheCurrentTermsTokenAgain() {
    fixture.startTerm().accept(5);
    String agent = oneAgentPerShard().get(1);
    RedisQueueKeys shard = queue.layout().keys("default", 1);
    client.getBucket(shard.fencingCounter(), StringCodec.INSTANCE).delete();

    // a deposed leader's token, lower or higher, does not revive the shard
    assertThatThrownBy(() -> queue.enqueue(notification(agent, "n1"), 4)).isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> queue.enqueue(notification(agent, "n1"), 7)).isInstanceOf(FencedOutException.class);
    assertThatThrownBy(() -> queue.submit(triggered(agent, ActivationKind.WEBHOOK, "w1")))
        .isInstanceOf(FencedOutException.class);
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).isZero();

    // the current term's does, as the election's counter says
    assertThat(queue.enqueue(notification(agent, "n1"), 5)).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(client.getBucket(shard.fencingCounter(), StringCodec.INSTANCE).get()).isEqualTo("5");
  }

  @Test
  void anAgentsWorkOfEveryKindStaysOnOneShardSoItNeverRunsTwice() {
    String agent = oneAgentPerShard().get(2);
    enqueue(notification(agent, "n1"));
    enqueue(exploration(agent));
    enqueue(triggered(agent, ActivationKind.WEBHOOK, "w1"));

    Lease first = claimOrFail(RunnerPool.HYBRID, "r1");
    assertThat(claim(RunnerPool.HYBRID, "r2")).isEmpty();
    assertThat(queue.runningLeases()).extracting(RunningLease::agent).containsExactly(agent);
    queue.complete(first);
    assertThat(claimOrFail(RunnerPool.HYBRID, "r2").activation().agent()).isEqualTo(agent);
  }

  @Test
  void workOfAnUnconfiguredTenantIsRefusedWithTheSettingToAdd() {
    assertThatThrownBy(() -> queue.enqueue(notification("alice", "n1").withTenant("ghost"), TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("botburrow.tenants.ghost");
    assertThat(queue.enqueue(notification("alice", "n1").withTenant("other"), TOKEN)).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(claimOrFail(RunnerPool.NOTIFICATION, "r").activation().tenant()).isEqualTo("other");
  }

  private List<String> oneAgentPerShard() {
    return IntStream.range(0, 3).mapToObj(shard -> IntStream.range(0, 1_000).mapToObj(i -> "agent" + i)
        .filter(agent -> queue.layout().shardOf(agent) == shard).findFirst().orElseThrow()).toList();
  }

  private List<String> agentsOfOneShard(int count) {
    int shard = queue.layout().shardOf("agent0");
    return IntStream.range(0, 1_000).mapToObj(i -> "agent" + i)
        .filter(agent -> queue.layout().shardOf(agent) == shard).limit(count).toList();
  }

  @Override
  public QueueFixture fixture() {
    return fixture;
  }
}
