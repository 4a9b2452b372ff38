package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentPhase;
import io.botburrow.activity.redis.RedisAgentActivity;
import io.botburrow.audit.AuditChain;
import io.botburrow.audit.redis.RedisAuditLog;
import io.botburrow.leader.LeaderSettings;
import io.botburrow.leader.redis.RedisLeaderElection;
import io.botburrow.logs.redis.RedisActivationLogs;
import io.botburrow.queue.redis.QueueShards;
import io.botburrow.queue.redis.RedisEffectLedger;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.runners.redis.RedisRunnerRegistry;
import io.botburrow.schedule.redis.RedisExplorationSchedule;
import io.botburrow.testing.TestRedisCluster;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.triggers.redis.RedisScheduleIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Every Redis script of core outside the activation queue (which {@code ShardedRedisQueueClusterIT} covers) on a
 * real 3-primary Redis Cluster, with the key prefix a cluster requires ({@code {...}:}): a script whose keys
 * fell into different slots would fail with CROSSSLOT. Each test uses its own tag, so the tests spread over the
 * primaries.
 */
class ClusterScriptsIT {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static TestRedisCluster cluster;
  private static RedissonClient client;

  private String prefix;

  @BeforeAll
  static void startCluster() {
    cluster = TestRedisCluster.startOrSkip(3);
    client = RedissonFactory.createClient(RedisProperties.defaults().withKeyPrefix("{botburrow}:"),
        RedisSentinelProperties.none(), RedisClusterProperties.of(cluster.nodes(), 1));
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
  void freshPrefix() {
    prefix = "{scripts" + TEST_NUMBER.incrementAndGet() + "}:";
  }

  @Test
  void theLeaderElectionTakesRenewsAndReleasesItsLeaseBesideTheFencingCounter() {
    RedisQueueKeys keys = new RedisQueueKeys(prefix);
    try (RedisLeaderElection election =
        new RedisLeaderElection(client, prefix + "leader:coordinator", keys.fencingCounter(), "a", LeaderSettings.defaults())) {
      election.start();
      await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
      assertThat(election.fencingToken()).isPresent();
      assertThat(client.getBucket(keys.fencingCounter(), org.redisson.client.codec.StringCodec.INSTANCE).get())
          .isEqualTo(Long.toString(election.fencingToken().getAsLong()));
    }
  }

  @Test
  void runnerHeartbeatsKeepTheirGeneration() {
    RedisRunnerRegistry registry = new RedisRunnerRegistry(client, prefix);

    registry.heartbeat("r1", Duration.ofSeconds(5));
    registry.heartbeat("r2", Duration.ofSeconds(5));

    var beats = registry.beats(List.of("r1", "r2", "r3"));
    assertThat(beats.generation()).isPresent();
    assertThat(beats.latest()).containsOnlyKeys("r1", "r2");
  }

  @Test
  void theSingleKeyScriptsRun() {
    RedisAgentActivity activity = new RedisAgentActivity(client, prefix);
    activity.report("alice", new ActivityReport(AgentPhase.values()[0], "act-1", "r1", NOW, NOW));
    assertThat(activity.current("alice")).isPresent();

    RedisActivationLogs logs = new RedisActivationLogs(client, prefix, 100, Duration.ofMinutes(5));
    logs.append("act-1", List.of("one", "two"));
    assertThat(logs.follow("act-1", null, Duration.ZERO).lines()).containsExactly("one", "two");

    RedisAuditLog audit = new RedisAuditLog(client, prefix, 1_000, Duration.ofDays(1));
    LocalDate day = LocalDate.of(2026, 12, 3);
    audit.append(day, new AuditChain("r", "act-1", "alice").append("tool_call", Map.of("i", 1), NOW));
    assertThat(audit.read(day)).hasSize(1);

    RedisExplorationSchedule schedule = new RedisExplorationSchedule(client, prefix);
    schedule.scheduleAt("alice", NOW);
    assertThat(schedule.takeDue(NOW.plusSeconds(1), 10, Duration.ofMinutes(1))).containsExactly("alice");

    RedisScheduleIndex index = new RedisScheduleIndex(client, prefix);
    index.sync("alice", Map.of("daily", "0 9 * * *"), id -> NOW);
    ScheduleIndex.Due due = index.due(NOW.plusSeconds(1), 10).getFirst();
    assertThat(index.advance(due, NOW.plusSeconds(86_400))).isTrue();

    RedisEffectLedger ledger = new RedisEffectLedger(client, new RedisQueueKeys(prefix));
    assertThat(ledger.tryRecord("k", "v", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void aShardsKeysShareOneSlotAndShardsSpreadOverTheSlotSpace() {
    QueueShards layout = new QueueShards("{botburrow}:", true, 3, Map.of());
    for (int i = 0; i < 3; i++) {
      RedisQueueKeys keys = layout.keys("default", i);
      int slot = QueueShards.slot(keys.running());
      assertThat(keys.scriptKeys()).allSatisfy(key -> assertThat(QueueShards.slot((String) key)).isEqualTo(slot));
      assertThat(slot).isBetween(i * 16_384 / 3, (i + 1) * 16_384 / 3 - 1);
      // what the cluster itself computes
      assertThat(cluster.cli(0, "CLUSTER", "KEYSLOT", keys.running()).strip()).isEqualTo(Integer.toString(slot));
    }
  }
}
