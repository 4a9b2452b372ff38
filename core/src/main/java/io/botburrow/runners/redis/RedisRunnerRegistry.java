package io.botburrow.runners.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runners.Beat;
import io.botburrow.runners.RunnerBeats;
import io.botburrow.runners.RunnerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * {@link RunnerRegistry} as one key per runner ({@code runner:<id>} = {@code <beat id> <interval
 * ms>}) and a generation key ({@code runners:generation}), created by the first beat after Redis lost
 * its state. Beat ids are this process's random prefix and a sequence, so they never repeat.
 */
public final class RedisRunnerRegistry implements RunnerRegistry {
  /** A runner's record outlives its promised interval by far: the observer, not the TTL, judges. */
  private static final Duration MIN_RECORD_TTL = Duration.ofMinutes(10);
  private static final int RECORD_INTERVALS = 10;
  private static final String HEARTBEAT =
      """
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      redis.call('SET', KEYS[2], ARGV[3], 'NX')
      return 1
      """;

  private final RedissonClient redis;
  private final String prefix;
  private final String generationKey;
  private final String beatPrefix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
  private final AtomicLong sequence = new AtomicLong();

  public RedisRunnerRegistry(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.prefix = keyPrefix + "runner:";
    this.generationKey = keyPrefix + "runners:generation";
  }

  @Override
  public void heartbeat(String runnerId, Duration interval) {
    Duration ttl = interval.multipliedBy(RECORD_INTERVALS);
    if (ttl.compareTo(MIN_RECORD_TTL) < 0) {
      ttl = MIN_RECORD_TTL;
    }
    String beat = beatPrefix + sequence.incrementAndGet() + " " + interval.toMillis();
    try {
      redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, HEARTBEAT, RScript.ReturnType.INTEGER,
          List.of(prefix + runnerId, generationKey), beat, Long.toString(ttl.toMillis()), UUID.randomUUID().toString());
    } catch (RedisException e) {
      throw unavailable(e);
    }
  }

  @Override
  public RunnerBeats beats(Collection<String> runnerIds) {
    List<String> keys = new ArrayList<>(runnerIds.size() + 1);
    keys.add(generationKey);
    runnerIds.forEach(id -> keys.add(prefix + id));
    Map<String, Object> values;
    try {
      values = redis.getBuckets(StringCodec.INSTANCE).get(keys.toArray(String[]::new));
    } catch (RedisException e) {
      throw unavailable(e);
    }
    Map<String, Beat> latest = new HashMap<>();
    for (String id : runnerIds) {
      Object value = values.get(prefix + id);
      if (value != null) {
        parse(value.toString()).ifPresent(beat -> latest.put(id, beat));
      }
    }
    return new RunnerBeats(Optional.ofNullable(values.get(generationKey)).map(Object::toString), latest);
  }

  private static Optional<Beat> parse(String value) {
    int space = value.lastIndexOf(' ');
    try {
      return space < 0 ? Optional.of(new Beat(value, Duration.ZERO))
          : Optional.of(new Beat(value.substring(0, space), Duration.ofMillis(Long.parseLong(value.substring(space + 1)))));
    } catch (IllegalArgumentException e) {
      // a record of another version: still a beat, with no promise about the next one
      return Optional.of(new Beat(value, Duration.ZERO));
    }
  }

  @Override
  public void leave(String runnerId) {
    try {
      redis.getBucket(prefix + runnerId, StringCodec.INSTANCE).delete();
    } catch (RedisException e) {
      throw unavailable(e);
    }
  }

  private static QueueUnavailableException unavailable(RedisException e) {
    return new QueueUnavailableException("runner registry unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
  }
}
