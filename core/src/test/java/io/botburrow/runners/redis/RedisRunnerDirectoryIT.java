package io.botburrow.runners.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.runners.RunnerCard;
import io.botburrow.testing.MutableClock;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Runner cards in a real redis-server: listed by id, replaced by the next beat, dropped when stale. */
class RedisRunnerDirectoryIT {
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private TestRedis server;
  private RedissonClient client;
  private RedisRunnerDirectory directory;

  @BeforeEach
  void start() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
    directory = new RedisRunnerDirectory(client, "botburrow:", clock);
  }

  @AfterEach
  void stop() {
    client.shutdown();
    server.close();
  }

  @Test
  void listsEveryAnnouncedRunnerWithItsLatestCard() {
    directory.announce(new RunnerCard("runner-b", "hybrid", 4, clock.instant(), INTERVAL));
    directory.announce(new RunnerCard("runner-a", "notification", 2, clock.instant(), INTERVAL));
    clock.advance(INTERVAL);
    directory.announce(new RunnerCard("runner-b", "hybrid", 8, clock.instant(), INTERVAL));

    assertThat(directory.cards()).containsExactly(
        new RunnerCard("runner-a", "notification", 2, clock.instant().minus(INTERVAL), INTERVAL),
        new RunnerCard("runner-b", "hybrid", 8, clock.instant(), INTERVAL));
  }

  @Test
  void saysARunnerIsSilentAfterThreeMissedBeatsAndDropsItsCardOnceStale() {
    directory.announce(new RunnerCard("runner-a", "hybrid", 4, clock.instant(), INTERVAL));
    directory.announce(new RunnerCard("runner-b", "hybrid", 4, clock.instant(), INTERVAL));
    directory.forget("runner-b");

    clock.advance(INTERVAL.multipliedBy(3).plusMillis(1));
    assertThat(directory.cards()).singleElement().satisfies(card -> {
      assertThat(card.runnerId()).isEqualTo("runner-a");
      assertThat(card.silent(clock.instant())).isTrue();
    });

    clock.advance(RedisRunnerDirectory.STALE_AFTER);
    assertThat(directory.cards()).isEmpty();
    assertThat(client.getKeys().countExists("botburrow:runners:cards")).isZero();
  }
}
