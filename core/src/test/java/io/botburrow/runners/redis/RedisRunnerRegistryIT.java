package io.botburrow.runners.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.runners.RunnerBeats;
import io.botburrow.runners.RunnerObserver;
import io.botburrow.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Runner heartbeats in a real redis-server, and an observer that survives Redis losing them. */
class RedisRunnerRegistryIT {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Duration DEAD_AFTER = Duration.ofSeconds(2);

  private TestRedis server;
  private RedissonClient client;
  private RedisRunnerRegistry registry;
  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() {
    server = TestRedis.startOrSkip();
    RedisProperties defaults = RedisProperties.forUrl(server.url());
    client = RedissonFactory.createClient(new RedisProperties(
        server.url(), null, Duration.ofMillis(500), Duration.ofSeconds(1), 1, Duration.ofMillis(200), 8, 2,
        defaults.keyPrefix(), defaults.leaseDuration(), defaults.maxAttempts(), defaults.circuitBackoff(),
        defaults.circuitMaxBackoff(), defaults.circuitThreshold(), defaults.claimPollInterval(),
        defaults.promoteAfter()));
    registry = new RedisRunnerRegistry(client, "botburrow:");
  }

  @AfterEach
  void stop() {
    beats.shutdownNow();
    client.shutdown();
    server.close();
  }

  @Test
  void recordsADistinctBeatEachTimeWithTheRunnersIntervalAndForgetsARunnerThatLeft() {
    registry.heartbeat("r1", INTERVAL);
    RunnerBeats first = registry.beats(List.of("r1", "r2"));
    registry.heartbeat("r1", INTERVAL);
    RunnerBeats second = registry.beats(List.of("r1", "r2"));

    assertThat(first.latest()).containsOnlyKeys("r1");
    assertThat(first.latest().get("r1").interval()).isEqualTo(INTERVAL);
    assertThat(second.latest().get("r1").id()).isNotEqualTo(first.latest().get("r1").id());
    assertThat(second.generation()).isPresent().isEqualTo(first.generation());

    registry.leave("r1");
    assertThat(registry.beats(List.of("r1")).latest()).isEmpty();
  }

  @Test
  void aFlushStartsANewGenerationWithTheNextBeat() {
    registry.heartbeat("r1", INTERVAL);
    RunnerBeats before = registry.beats(List.of("r1"));

    client.getKeys().flushall();
    assertThat(registry.beats(List.of("r1")).generation()).isEmpty();
    registry.heartbeat("r1", INTERVAL);

    assertThat(registry.beats(List.of("r1")).generation()).isPresent().isNotEqualTo(before.generation());
  }

  @Test
  void aLiveRunnerIsNotDeclaredDeadAcrossARestartThatLostEveryBeatButAKilledOneIs() {
    beats.scheduleWithFixedDelay(() -> quietly(() -> registry.heartbeat("alive", INTERVAL)), 0,
        INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    registry.heartbeat("killed", INTERVAL);
    RunnerObserver observer = new RunnerObserver(registry, DEAD_AFTER, Clock.systemUTC());
    List<String> both = List.of("alive", "killed");
    assertThat(observer.dead(both)).isEmpty();

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> observer.dead(both), dead -> dead.equals(Set.of("killed")));
    server.restart();
    long restartedAt = System.nanoTime();

    // watch every 100 ms through the restart and a full window after it: the live runner never looks dead
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
      Set<String> dead = deadOrNone(observer, both);
      assertThat(dead).doesNotContain("alive");
      return dead.contains("killed");
    });
    assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isGreaterThanOrEqualTo(DEAD_AFTER);
  }

  private static Set<String> deadOrNone(RunnerObserver observer, List<String> runners) {
    try {
      return observer.dead(runners);
    } catch (RuntimeException e) {
      return Set.of(); // Redis is still coming back
    }
  }

  private static void quietly(Runnable beat) {
    try {
      beat.run();
    } catch (RuntimeException e) {
      // Redis is restarting; the runner tries again at its next beat
    }
  }
}
