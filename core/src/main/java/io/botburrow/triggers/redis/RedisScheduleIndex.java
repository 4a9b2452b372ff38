package io.botburrow.triggers.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.triggers.ScheduleIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * {@link ScheduleIndex} in Redis: {@code schedules:due} (ZSET {@code <agent>\t<id>} → next fire, epoch
 * ms), {@code schedules:spec:<agent>} (HASH id → fingerprint) and {@code schedules:agents} (SET). A
 * tick reads the head of the ZSET only; advancing is a compare-and-set script.
 */
public final class RedisScheduleIndex implements ScheduleIndex {
  private static final String SEP = "\t";
  private static final String ADVANCE = """
      local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
      if score and tonumber(score) == tonumber(ARGV[2]) then
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        return 1
      end
      return 0
      """;
  private final RedissonClient redis;
  private final String dueKey;
  private final RScoredSortedSet<String> due;
  private final String prefix;
  private final org.redisson.api.RSet<String> agents;

  public RedisScheduleIndex(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.dueKey = keyPrefix + "schedules:due";
    this.due = redis.getScoredSortedSet(dueKey, StringCodec.INSTANCE);
    this.prefix = keyPrefix;
    this.agents = redis.getSet(keyPrefix + "schedules:agents", StringCodec.INSTANCE);
  }

  @Override
  public void sync(String agent, Map<String, String> schedules, Function<String, Instant> firstFire) {
    call(() -> {
      RMap<String, String> specs = specs(agent);
      Map<String, String> known = new HashMap<>(specs.readAllMap());
      for (String id : known.keySet()) {
        if (!schedules.containsKey(id)) {
          remove(agent, id);
        }
      }
      schedules.forEach((id, fingerprint) -> {
        if (!fingerprint.equals(known.get(id)) || due.getScore(agent + SEP + id) == null) {
          Instant first = firstFire.apply(id);
          if (first == null) {
            remove(agent, id);
          } else {
            due.add(first.toEpochMilli(), agent + SEP + id);
            specs.fastPut(id, fingerprint);
            agents.add(agent);
          }
        }
      });
      if (specs.isEmpty()) {
        agents.remove(agent);
      }
      return null;
    });
  }

  @Override
  public List<String> agents() {
    return call(() -> List.copyOf(agents.readAll()));
  }

  private RMap<String, String> specs(String agent) {
    return redis.getMap(prefix + "schedules:spec:" + agent, StringCodec.INSTANCE);
  }

  @Override
  public List<Due> due(Instant now, int limit) {
    return call(() -> {
      List<Due> out = new ArrayList<>();
      for (ScoredEntry<String> e : due.entryRange(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true, 0, limit)) {
        int sep = e.getValue().indexOf(SEP);
        out.add(new Due(e.getValue().substring(0, sep), e.getValue().substring(sep + 1),
            Instant.ofEpochMilli(e.getScore().longValue())));
      }
      return out;
    });
  }

  @Override
  public boolean advance(Due d, Instant next) {
    Long moved = call(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, ADVANCE,
        RScript.ReturnType.INTEGER, List.of(dueKey), d.agent() + SEP + d.scheduleId(),
        Long.toString(d.fireAt().toEpochMilli()), Long.toString(next.toEpochMilli())));
    return moved == 1;
  }

  @Override
  public void remove(String agent, String scheduleId) {
    call(() -> {
      due.remove(agent + SEP + scheduleId);
      specs(agent).fastRemove(scheduleId);
      return null;
    });
  }

  @Override
  public long size() {
    return call(() -> (long) due.size());
  }

  private static <T> T call(Supplier<T> op) {
    try {
      return op.get();
    } catch (RedisException e) {
      throw new QueueUnavailableException("schedule index unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
