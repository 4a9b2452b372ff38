package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.leader.LeaderElection;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.testing.Activations;
import io.botburrow.testing.MutableClock;
import io.botburrow.testing.TestRedis;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedissonFactoryIT {
  private static TestRedis server;

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startOrSkip();
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  @Test
  void wiresTheQueuePortsToRedisWithTheConfiguredSettings() {
    MutableClock clock = new MutableClock();
    try (ApplicationContext context =
        ApplicationContext.builder()
            .deduceEnvironment(false)
            .properties(Map.of(
                "botburrow.redis.url", server.url(),
                "botburrow.redis.key-prefix", "wired:",
                "botburrow.redis.lease-duration", "30s"))
            .singletons(clock)
            .start()) {
      ActivationQueue queue = context.getBean(ActivationQueue.class);
      ActivationClaims claims = context.getBean(ActivationClaims.class);

      // what a leader does when it starts its term: only its token is accepted from then on
      context.getBean(RedissonClient.class).getBucket("wired:fence", org.redisson.client.codec.StringCodec.INSTANCE).set("1");
      assertThat(queue.enqueue(Activations.notification(clock, "alice", "n1"), 1)).isEqualTo(EnqueueResult.ENQUEUED);
      var lease = claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow();

      assertThat(lease.expiresAt()).isEqualTo(clock.instant().plusSeconds(30));
      assertThat(context.getBean(QueueAdmin.class).runningLeases()).hasSize(1);
      assertThat(context.getBean(LeaseReaper.class).reapExpiredLeases()).isZero();
      assertThat(context.getBean(EffectLedger.class).tryRecord("k", "v", Duration.ofMinutes(1))).isTrue();
      assertThat(context.getBean(RedissonClient.class).getKeys().getKeysStream().toList())
          .contains("wired:queue:running", "wired:effect:k");
      assertThat(context.containsBean(LeaderElection.class)).isFalse();
      assertThat(context.getBean(RedisProperties.class).maxAttempts()).isEqualTo(3);
      assertThat(queue.depth(ActivationKind.NOTIFICATION)).isZero();
    }
  }

  @Test
  void providesALeaderElectionToCoordinators() {
    try (ApplicationContext context =
        ApplicationContext.builder("coordinator")
            .deduceEnvironment(false)
            .properties(Map.of("botburrow.redis.url", server.url(), "botburrow.leader.instance-id", "coord-1"))
            .start()) {
      LeaderElection election = context.getBean(LeaderElection.class);

      assertThat(election.instanceId()).isEqualTo("coord-1");
      assertThat(election.isLeader()).isFalse();
    }
  }

  @Test
  void closesTheClientWithTheContext() {
    ApplicationContext context =
        ApplicationContext.builder().deduceEnvironment(false).properties(Map.of("botburrow.redis.url", server.url())).start();
    RedissonClient client = context.getBean(RedissonClient.class);

    context.close();

    assertThat(client.isShutdown()).isTrue();
  }

  @Test
  void providesNoRedisBeansWhenDisabled() {
    try (ApplicationContext context =
        ApplicationContext.builder().deduceEnvironment(false).properties(Map.of("botburrow.redis.enabled", "false")).start()) {
      assertThat(context.containsBean(ActivationQueue.class)).isFalse();
      assertThat(context.containsBean(RedissonClient.class)).isFalse();
    }
  }
}
