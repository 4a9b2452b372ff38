package io.botburrow.leader.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.leader.LeaderSettings;
import io.botburrow.leader.LeadershipLog;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Two coordinators' elections against a real redis-server, each with its own connection. */
class RedisLeaderElectionIT {
  private static final String LEASE = "botburrow:leader:coordinator";
  private static final String FENCE = "botburrow:fence";

  private final LeadershipLog log = new LeadershipLog();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private TestRedis server;

  @BeforeEach
  void startRedis() {
    server = TestRedis.startOrSkip();
    // a counter well above 1, so that a counter reset by a restart would show as a lower token
    RedissonClient setup = client();
    setup.getAtomicLong(FENCE).set(41);
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable closeable : cleanup.reversed()) {
      closeable.close();
    }
    server.close();
  }

  @Test
  void exactlyOneOfTwoInstancesLeads() {
    RedisLeaderElection a = election("a");
    RedisLeaderElection b = election("b");

    await().atMost(Duration.ofSeconds(5)).until(() -> a.isLeader() || b.isLeader());
    await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4))
        .until(() -> a.isLeader() ^ b.isLeader());
    assertThat(Stream.of(a, b).filter(RedisLeaderElection::isLeader).findFirst().orElseThrow().fencingToken())
        .hasValue(42);
  }

  @Test
  void standbyTakesOverWithinFiveSecondsWhenTheLeaderDies() {
    RedissonClient leaderClient = client();
    RedisLeaderElection leader = election("a", leaderClient);
    await().atMost(Duration.ofSeconds(5)).until(leader::isLeader);
    long firstToken = leader.fencingToken().orElseThrow();
    RedisLeaderElection standby = election("b");

    long diedAt = System.nanoTime();
    leaderClient.shutdown(); // the leader can no longer renew, as if its process had died

    await().atMost(Duration.ofSeconds(5)).until(standby::isLeader);
    assertThat(Duration.ofNanos(System.nanoTime() - diedAt)).isLessThan(Duration.ofSeconds(5));
    assertThat(standby.fencingToken().orElseThrow()).isGreaterThan(firstToken);
    assertThat(leader.isLeader()).isFalse();
    assertThat(log.lastLostBy("a").orElseThrow().atNanos())
        .as("the old leader steps down before the new one starts")
        .isLessThan(log.lastGainedBy("b").orElseThrow().atNanos());
  }

  @Test
  void closingTheLeaderHandsOverAtTheNextAttempt() {
    RedisLeaderElection a = election("a");
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    RedisLeaderElection b = election("b");

    a.close();

    await().atMost(Duration.ofMillis(1_500)).until(b::isLeader);
    assertThat(log.lastLostBy("a")).isPresent();
  }

  @Test
  void leaderStepsDownWithinTheLeaseWhenRedisGoesAwayAndLeadsAgainWithAHigherTokenWhenItIsBack() {
    RedisLeaderElection a = election("a");
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    long firstToken = a.fencingToken().orElseThrow();

    server.stop();
    await().atMost(Duration.ofSeconds(3)).until(() -> !a.isLeader());
    server.start(); // empty: the lease and the fencing counter are gone

    await().atMost(Duration.ofSeconds(10)).until(() -> a.fencingToken().orElse(firstToken) != firstToken);
    assertThat(a.fencingToken().orElseThrow()).isGreaterThan(firstToken);
  }

  @Test
  void standbyThatSawTheLastTokenStartsAboveItAfterARedisRestart() {
    RedisLeaderElection a = election("a");
    await().atMost(Duration.ofSeconds(5)).until(a::isLeader);
    RedisLeaderElection b = election("b");
    await().atMost(Duration.ofSeconds(3)).until(() -> b.highestTokenSeen() == a.fencingToken().orElse(-1));
    long lastToken = a.fencingToken().orElseThrow();

    server.restart();

    await().atMost(Duration.ofSeconds(10)).until(() -> newTerm(lastToken, a, b));
    assertThat(Stream.of(a, b).mapToLong(e -> e.fencingToken().orElse(0)).max().orElseThrow())
        .isGreaterThan(lastToken);
  }

  private static boolean newTerm(long oldToken, RedisLeaderElection... elections) {
    return Stream.of(elections).anyMatch(e -> e.isLeader() && e.fencingToken().orElse(oldToken) != oldToken);
  }

  private RedisLeaderElection election(String id) {
    return election(id, client());
  }

  private RedisLeaderElection election(String id, RedissonClient client) {
    RedisLeaderElection election =
        log.watch(new RedisLeaderElection(client, LEASE, FENCE, id, LeaderSettings.defaults()));
    cleanup.add(election);
    election.start();
    return election;
  }

  private RedissonClient client() {
    RedisProperties properties = RedisProperties.forUrl(server.url());
    RedissonClient client = RedissonFactory.createClient(properties);
    cleanup.add(() -> {
      if (!client.isShutdown()) {
        client.shutdown();
      }
    });
    return client;
  }
}
