package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.MutableClock;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Claims are fair across tenants, on a real redis-server: tenant {@code a} has a backlog ten times the mentions
 * tenant {@code b} receives during the run, and {@code b}'s mention dispatch p95 (enqueue to claim) may rise by
 * less than 10 %. Time is a test clock stepped by the test, and the runners claim a fixed number of activations
 * per step, so the figures are the same on every run and machine.
 */
class TenantFairnessIT {
  private static final AtomicInteger RUN = new AtomicInteger();
  private static final int STEPS = 200;
  private static final int CLAIMS_PER_STEP = 3;
  private static final Duration STEP = Duration.ofMillis(10);
  private static final long TOKEN = 1;
  private static TestRedis server;
  private static RedissonClient client;

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTenfoldBacklogInOneTenantRaisesAnotherTenantsMentionDispatchP95ByLessThanTenPercent() {
    List<Long> alone = mentionDispatchOfB(0);
    List<Long> besideBacklog = mentionDispatchOfB(10 * STEPS);

    long p95Alone = p95(alone);
    long p95Beside = p95(besideBacklog);
    double rise = 100.0 * (p95Beside - p95Alone) / p95Alone;
    System.out.printf(
        "tenant fairness: b's mention dispatch p95 %d ms alone, %d ms beside a's backlog of %d (%+.1f %%)%n",
        p95Alone, p95Beside, 10 * STEPS, rise);
    assertThat(alone).hasSize(STEPS);
    assertThat(besideBacklog).hasSize(STEPS);
    assertThat(rise).isLessThan(10.0);
  }

  /** Runs the steps with {@code backlog} mentions of tenant a waiting; b's dispatch latencies in ms. */
  private List<Long> mentionDispatchOfB(int backlog) {
    MutableClock clock = new MutableClock();
    String prefix = "fair" + RUN.incrementAndGet() + ":";
    QueueShards layout = new QueueShards(prefix, false, 1, Map.of("a", 1, "b", 1));
    List<Long> latencies = new ArrayList<>();
    try (ShardedRedisQueue queue = new ShardedRedisQueue(client, layout, QueueSettings.defaults(), clock)) {
      client.getBucket(new RedisQueueKeys(prefix).fencingCounter(), StringCodec.INSTANCE).set(Long.toString(TOKEN));
      queue.leadershipGained(TOKEN);
      List<Activation> waiting = new ArrayList<>();
      for (int i = 0; i < backlog; i++) {
        waiting.add(mention("a", "a-agent-" + i, clock));
      }
      queue.enqueueAll(waiting, TOKEN);
      int served = 0;
      for (int step = 0; step < STEPS; step++) {
        queue.enqueue(mention("b", "b-agent-" + step, clock), TOKEN);
        clock.advance(STEP);
        for (int c = 0; c < CLAIMS_PER_STEP; c++) {
          Optional<Lease> lease = queue.claim(RunnerPool.NOTIFICATION, "runner", Duration.ZERO);
          if (lease.isEmpty()) {
            break;
          }
          Activation activation = lease.get().activation();
          if (activation.tenant().equals("b")) {
            latencies.add(clock.millis() - activation.enqueuedAt().toEpochMilli());
          }
          served++;
          queue.complete(lease.get());
        }
      }
      assertThat(served).isLessThanOrEqualTo(STEPS * CLAIMS_PER_STEP);
      assertThat(queue.depth(ActivationKind.NOTIFICATION)).isEqualTo(Math.max(0, backlog - (served - latencies.size())));
    }
    return latencies;
  }

  private static Activation mention(String tenant, String agent, MutableClock clock) {
    return Activation.notification(agent, "mention", List.of(agent + "-n"), clock.instant()).withTenant(tenant);
  }

  private static long p95(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }
}
