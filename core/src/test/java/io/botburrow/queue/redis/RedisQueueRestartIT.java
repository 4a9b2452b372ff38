package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.leader.LeaderSettings;
import io.botburrow.leader.redis.RedisLeaderElection;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.Activations;
import io.botburrow.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Redis restarts without persistence (all keys, scripts and subscriptions lost) and outages. */
class RedisQueueRestartIT {
  private final Clock clock = Clock.systemUTC();
  private final RedisQueueKeys keys = new RedisQueueKeys("botburrow:");
  private TestRedis server;
  private RedissonClient client;
  private RedisActivationQueue queue;
  private RedisActivationClaims claims;

  @BeforeEach
  void start() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(quickToGiveUp(server.url()));
    queue = new RedisActivationQueue(client, keys, QueueSettings.defaults(), clock);
    claims = new RedisActivationClaims(client, keys, QueueSettings.defaults(), clock);
  }

  @AfterEach
  void stop() {
    claims.close();
    client.shutdown();
    server.close();
  }

  @Test
  void refusesTheOldTermsTokenAfterARestartUntilANewTermStarts() {
    Terms.start(client, keys, 7);
    queue.enqueue(notification("alice"), 7);
    claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow();

    server.restart();

    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(QueueUnavailableException.class)
        .untilAsserted(() -> assertThatThrownBy(() -> queue.enqueue(notification("bob"), 7))
            .isInstanceOf(FencedOutException.class));
    assertThat(fence()).as("a refused enqueue does not seed the counter").isNull();
    Terms.start(client, keys, 8);
    assertThat(queue.enqueue(notification("bob"), 8)).isEqualTo(EnqueueResult.ENQUEUED);
    assertThatThrownBy(() -> queue.enqueue(notification("carol"), 7)).isInstanceOf(FencedOutException.class);
    assertThat(claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO))
        .map(lease -> lease.activation().agent())
        .contains("bob");
  }

  @Test
  void aDeposedLeaderCannotSeedTheCounterNorEnqueueAfterRedisWasFlushed() {
    deposedLeaderAfterLosingRedisState(() -> client.getKeys().flushall());
  }

  @Test
  void aDeposedLeaderCannotSeedTheCounterNorEnqueueAfterRedisRestarted() {
    deposedLeaderAfterLosingRedisState(server::restart);
  }

  /**
   * Leader A holds token N; Redis loses everything; B, which never saw N, becomes leader. A's late
   * writes with N are refused before and after B's term starts, and B's token is above N.
   */
  private void deposedLeaderAfterLosingRedisState(Runnable loseState) {
    String lease = "botburrow:leader:coordinator";
    RedisLeaderElection a = new RedisLeaderElection(client, lease, keys.fencingCounter(), "a", LeaderSettings.defaults());
    a.start();
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    long tokenOfA = a.fencingToken().orElseThrow();
    assertThat(queue.enqueue(notification("alice"), tokenOfA)).isEqualTo(EnqueueResult.ENQUEUED);
    a.close(); // A stops campaigning (paused, cut off) but still holds its token

    loseState.run();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(QueueUnavailableException.class)
        .untilAsserted(() -> assertThatThrownBy(() -> queue.enqueue(notification("bob"), tokenOfA))
            .isInstanceOf(FencedOutException.class));
    assertThat(fence()).as("the deposed leader's enqueue does not seed the counter").isNull();

    RedissonClient other = RedissonFactory.createClient(quickToGiveUp(server.url()));
    try (RedisLeaderElection b =
        new RedisLeaderElection(other, lease, keys.fencingCounter(), "b", LeaderSettings.defaults())) {
      b.start();
      await().atMost(Duration.ofSeconds(5)).until(b::isLeader);
      long tokenOfB = b.fencingToken().orElseThrow();

      assertThat(b.highestTokenSeen()).as("B never saw A's token").isEqualTo(tokenOfB);
      assertThat(tokenOfB).isGreaterThan(tokenOfA);
      assertThatThrownBy(() -> queue.enqueue(notification("bob"), tokenOfA)).isInstanceOf(FencedOutException.class);
      assertThat(queue.enqueue(notification("carol"), tokenOfB)).isEqualTo(EnqueueResult.ENQUEUED);
      assertThat(fence()).isEqualTo(Long.toString(tokenOfB));
      assertThat(claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO))
          .map(l -> l.activation().agent())
          .contains("carol");
    } finally {
      other.shutdown();
    }
  }

  private String fence() {
    return client.<String>getBucket(keys.fencingCounter(), org.redisson.client.codec.StringCodec.INSTANCE).get();
  }

  @Test
  void waitingClaimsWakeUpOnNewWorkAfterARestart() throws Exception {
    // polling so rare that only a pub/sub wake-up can end the wait in time
    claims.close();
    claims = new RedisActivationClaims(client, keys, QueueSettings.defaults().withPollInterval(Duration.ofMinutes(1)), clock);
    claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO); // subscribes to wake-ups
    server.restart();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      Terms.start(client, keys, 1);
      return queue.enqueue(notification("warmup"), 1) == EnqueueResult.ENQUEUED;
    });
    claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow();

    CompletableFuture<Optional<Lease>> waiting =
        CompletableFuture.supplyAsync(() -> claims.claim(RunnerPool.HYBRID, "r2", Duration.ofSeconds(10)));
    Activation activation = notification("alice");
    queue.enqueue(activation, 1);

    assertThat(waiting.get(5, TimeUnit.SECONDS)).map(lease -> lease.activation().id()).contains(activation.id());
  }

  @Test
  void aNewLeaderAfterARestartFencesOutTheOldLeadersToken() {
    RedisLeaderElection election =
        new RedisLeaderElection(client, "botburrow:leader:coordinator", keys.fencingCounter(), "c1", LeaderSettings.defaults());
    try (election) {
      election.start();
      await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
      long oldToken = election.fencingToken().orElseThrow();
      queue.enqueue(notification("alice"), oldToken);

      server.restart();

      await().atMost(Duration.ofSeconds(10))
          .until(() -> election.fencingToken().orElse(oldToken) != oldToken);
      long newToken = election.fencingToken().orElseThrow();
      assertThat(newToken).isGreaterThan(oldToken);
      assertThat(queue.enqueue(notification("bob"), newToken)).isEqualTo(EnqueueResult.ENQUEUED);
      assertThatThrownBy(() -> queue.enqueue(notification("carol"), oldToken)).isInstanceOf(FencedOutException.class);
    }
  }

  @Test
  void reportsAnOutageAsRetryableAndRecoversWhenRedisIsBack() {
    Terms.start(client, keys, 1);
    queue.enqueue(notification("alice"), 1);
    server.stop();

    assertThatThrownBy(() -> queue.enqueue(notification("bob"), 1)).isInstanceOf(QueueUnavailableException.class);
    assertThatThrownBy(() -> claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO))
        .isInstanceOf(QueueUnavailableException.class);

    server.start();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      Terms.start(client, keys, 1);
      return queue.enqueue(notification("bob"), 1) == EnqueueResult.ENQUEUED;
    });
    // The wake-up subscription reconnects on its own connection, possibly a moment after commands do.
    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(QueueUnavailableException.class)
        .until(() -> claims.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).isPresent());
  }

  private Activation notification(String agent) {
    return Activations.notification(clock, agent, "n-" + agent);
  }

  private static RedisProperties quickToGiveUp(String url) {
    RedisProperties defaults = RedisProperties.forUrl(url);
    return new RedisProperties(
        url, null, Duration.ofMillis(500), Duration.ofSeconds(1), 1, Duration.ofMillis(200), 8, 2,
        defaults.keyPrefix(), defaults.leaseDuration(), defaults.maxAttempts(), defaults.circuitBackoff(),
        defaults.circuitMaxBackoff(), defaults.circuitThreshold(), defaults.claimPollInterval(),
        defaults.promoteAfter());
  }
}
