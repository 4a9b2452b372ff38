package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.QueueSettings;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Under contention from several runner processes (own clients), of every pool, no agent ever runs
 * twice at once and no enqueued work is lost.
 */
class RedisSingleFlightIT {
  private static final int AGENTS = 12;
  private static final int ACTIVATIONS = 1_500;

  @Test
  void neverRunsAnAgentTwiceAtOnceUnderContention() throws Exception {
    try (TestRedis server = TestRedis.startOrSkip()) {
      Clock clock = Clock.systemUTC();
      RedisQueueKeys keys = new RedisQueueKeys("flight:");
      QueueSettings settings = QueueSettings.defaults();
      List<RedissonClient> clients = new ArrayList<>();
      Map<String, String> running = new ConcurrentHashMap<>();
      List<String> violations = new CopyOnWriteArrayList<>();
      AtomicInteger completed = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      try {
        RedissonClient coordinator = client(server, clients);
        RedisActivationQueue queue = new RedisActivationQueue(coordinator, keys, settings, clock);
        Terms.start(coordinator, keys, 1);
        RunnerPool[] pools = {RunnerPool.NOTIFICATION, RunnerPool.EXPLORATION, RunnerPool.HYBRID};
        for (int runner = 0; runner < 3; runner++) {
          RedisActivationClaims claims = new RedisActivationClaims(client(server, clients), keys, settings, clock);
          RunnerPool pool = pools[runner];
          for (int slot = 0; slot < 4; slot++) {
            String runnerId = "runner-" + runner;
            threads.add(Thread.ofPlatform().start(() -> {
              while (!stop.get()) {
                claims.claim(pool, runnerId, Duration.ofMillis(50)).ifPresent(lease -> {
                  String agent = lease.activation().agent();
                  String previous = running.putIfAbsent(agent, runnerId);
                  if (previous != null) {
                    violations.add(agent + " claimed by " + runnerId + " while running on " + previous);
                  }
                  simulateWork();
                  running.remove(agent);
                  claims.complete(lease);
                  completed.incrementAndGet();
                });
              }
            }));
          }
        }
        int enqueued = 0;
        for (int i = 0; i < ACTIVATIONS; i++) {
          String agent = "agent-" + (i % AGENTS);
          Activation activation = i % 3 == 0
              ? Activation.exploration(agent, "quiet", clock.instant(), clock.instant())
              : Activation.notification(agent, "mention", List.of("n" + i), clock.instant());
          if (queue.enqueue(activation, 1) == io.botburrow.queue.EnqueueResult.ENQUEUED) {
            enqueued++;
          }
        }
        int expected = enqueued;
        await().atMost(Duration.ofSeconds(60)).until(() -> completed.get() >= expected
            && queue.depth(ActivationKind.NOTIFICATION) == 0 && queue.depth(ActivationKind.EXPLORATION) == 0);

        assertThat(violations).isEmpty();
        assertThat(completed.get()).isEqualTo(expected);
        assertThat(expected).isGreaterThan(AGENTS);
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join();
        }
        clients.forEach(RedissonClient::shutdown);
      }
    }
  }

  // holds the agent a little while, so that an overlapping claim would be caught
  private static void simulateWork() {
    long until = System.nanoTime() + 200_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static RedissonClient client(TestRedis server, List<RedissonClient> clients) {
    RedissonClient client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
    clients.add(client);
    return client;
  }
}
