package io.botburrow.runners.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runners.RunnerCard;
import io.botburrow.runners.RunnerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * {@link RunnerDirectory} as one hash ({@code runners:cards}: runner id → {@code pool slots at-ms
 * interval-ms}). A runner that died without leaving stays until its card is {@link #STALE_AFTER} old,
 * then the next reader drops it.
 */
public final class RedisRunnerDirectory implements RunnerDirectory {
  static final Duration STALE_AFTER = Duration.ofMinutes(10);
  private final RedissonClient redis;
  private final String key;
  private final Clock clock;

  public RedisRunnerDirectory(RedissonClient redis, String keyPrefix, Clock clock) {
    this.redis = redis;
    this.key = keyPrefix + "runners:cards";
    this.clock = clock;
  }

  @Override
  public void announce(RunnerCard card) {
    String value = card.pool() + " " + card.slots() + " " + card.at().toEpochMilli() + " " + card.interval().toMillis();
    call(() -> map().fastPut(card.runnerId(), value));
  }

  @Override
  public List<RunnerCard> cards() {
    Map<String, String> all = call(() -> map().readAllMap());
    Instant now = clock.instant();
    List<RunnerCard> cards = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    all.forEach((id, value) -> {
      RunnerCard card = parse(id, value);
      if (card == null || card.at().plus(STALE_AFTER).isBefore(now)) {
        stale.add(id);
      } else {
        cards.add(card);
      }
    });
    if (!stale.isEmpty()) {
      call(() -> map().fastRemove(stale.toArray(String[]::new)));
    }
    cards.sort(Comparator.comparing(RunnerCard::runnerId));
    return cards;
  }

  @Override
  public void forget(String runnerId) {
    call(() -> map().fastRemove(runnerId));
  }

  private static RunnerCard parse(String id, String value) {
    String[] parts = value.split(" ");
    try {
      return new RunnerCard(id, parts[0], Integer.parseInt(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])),
          Duration.ofMillis(Long.parseLong(parts[3])));
    } catch (RuntimeException e) {
      return null; // a card of another version: dropped, the runner's next beat writes it again
    }
  }

  private RMap<String, String> map() {
    return redis.getMap(key, StringCodec.INSTANCE);
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException e) {
      throw new QueueUnavailableException("runner directory unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
