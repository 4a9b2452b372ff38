package io.botburrow.schedule.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.schedule.ExplorationSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/** {@link ExplorationSchedule} as one Redis sorted set: member = agent, score = due epoch millis. */
public final class RedisExplorationSchedule implements ExplorationSchedule {
  private static final String TAKE_DUE =
      """
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
      for _, agent in ipairs(due) do
        redis.call('ZADD', KEYS[1], ARGV[3], agent)
      end
      return due
      """;
  private final RedissonClient redis;
  private final String key;
  private final RScoredSortedSet<String> set;

  public RedisExplorationSchedule(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.key = keyPrefix + "explore:due";
    this.set = redis.getScoredSortedSet(key, StringCodec.INSTANCE);
  }

  @Override
  public void scheduleAt(String agent, Instant due) {
    call(() -> set.add(due.toEpochMilli(), agent));
  }

  /** One ZADD for all of them. */
  @Override
  public void scheduleAll(Map<String, Instant> dueByAgent) {
    if (dueByAgent.isEmpty()) {
      return;
    }
    Map<String, Double> scores = new HashMap<>();
    dueByAgent.forEach((agent, due) -> scores.put(agent, (double) due.toEpochMilli()));
    call(() -> set.addAll(scores));
  }

  @Override
  public boolean scheduleIfAbsent(String agent, Instant due) {
    return call(() -> set.addIfAbsent(due.toEpochMilli(), agent));
  }

  @Override
  public void remove(String agent) {
    call(() -> set.remove(agent));
  }

  @Override
  public List<String> takeDue(Instant now, int limit, Duration hold) {
    return call(() -> redis.getScript(StringCodec.INSTANCE).eval(
        RScript.Mode.READ_WRITE,
        TAKE_DUE,
        RScript.ReturnType.MULTI,
        List.of(key),
        String.valueOf(now.toEpochMilli()),
        String.valueOf(limit),
        String.valueOf(now.plus(hold).toEpochMilli())));
  }

  @Override
  public long size() {
    return call(() -> (long) set.size());
  }

  private static <T> T call(java.util.function.Supplier<T> op) {
    try {
      return op.get();
    } catch (RedisException e) {
      throw new QueueUnavailableException("exploration schedule unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
