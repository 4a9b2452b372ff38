package io.botburrow.gateway.budget.redis;

import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Counter;
import io.botburrow.queue.QueueUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Budget counters in Redis, each check-and-add one Lua script, so all runners and gateways see one
 * budget. Integers only (USD as micro-dollars): {@code INCRBY} is exact where floats are not. A counter
 * gets its expiry when it is created (its first amount), not again on every call. The
 * scripts go over a {@link RespClient} (one round trip on the calling thread) or, for callers that have
 * only one, over Redisson.
 */
public final class RedisBudgetStore implements BudgetStore {
  /** KEYS: counters. ARGV: per counter amount, limit, ttl seconds. Returns {refused index or -1, values...}. */
  static final String TRY_ADD = """
      local n = #KEYS
      local values = {}
      for i = 1, n do
        local used = tonumber(redis.call('GET', KEYS[i]) or '0')
        local limit = tonumber(ARGV[3 * i - 1])
        values[i] = used
        if limit > 0 and used >= limit then
          local refused = {i - 1}
          for j = 1, n do refused[j + 1] = tonumber(redis.call('GET', KEYS[j]) or '0') end
          return refused
        end
      end
      local result = {-1}
      for i = 1, n do
        local amount = tonumber(ARGV[3 * i - 2])
        result[i + 1] = redis.call('INCRBY', KEYS[i], amount)
        if values[i] == 0 or result[i + 1] == amount then
          redis.call('EXPIRE', KEYS[i], ARGV[3 * i])
        end
      end
      return result
      """;

  static final String ADD = """
      local result = {}
      for i = 1, #KEYS do
        local amount = tonumber(ARGV[3 * i - 2])
        result[i] = redis.call('INCRBY', KEYS[i], amount)
        if result[i] == amount then
          redis.call('EXPIRE', KEYS[i], ARGV[3 * i])
        end
      end
      return result
      """;

  private static final String TRY_ADD_SHA = RespClient.sha1(TRY_ADD);
  private static final String ADD_SHA = RespClient.sha1(ADD);

  /**
   * On a Redis Cluster, the tag put in front of every counter's key: a check-and-add touches an activation's,
   * an agent's and a tenant's counters at once, which must share a slot.
   */
  public static final String CLUSTER_TAG = "{botburrow:budget}";

  private final RedissonClient redis;
  private final RespClient resp;
  private final String keyTag;

  public RedisBudgetStore(RedissonClient redis) {
    this.redis = redis;
    this.resp = null;
    this.keyTag = "";
  }

  public RedisBudgetStore(RespClient resp) {
    this(resp, false);
  }

  /** @param cluster whether Redis is a cluster: then every key carries {@link #CLUSTER_TAG} */
  public RedisBudgetStore(RespClient resp, boolean cluster) {
    this.redis = null;
    this.resp = resp;
    this.keyTag = cluster ? CLUSTER_TAG : "";
  }

  @Override
  public Result tryAdd(List<Counter> counters, long[] amounts) {
    List<Long> reply = eval(TRY_ADD, TRY_ADD_SHA, counters, amounts);
    var values = new long[counters.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = reply.get(i + 1);
    }
    return new Result(reply.get(0).intValue(), values);
  }

  @Override
  public long[] add(List<Counter> counters, long[] amounts) {
    List<Long> reply = eval(ADD, ADD_SHA, counters, amounts);
    return reply.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public long[] values(List<Counter> counters) {
    if (resp == null) {
      return BudgetStore.super.values(counters);
    }
    var command = new ArrayList<String>();
    command.add("MGET");
    counters.forEach(c -> command.add(keyTag + c.key()));
    try {
      var reply = (List<?>) resp.call(command);
      var values = new long[counters.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = reply.get(i) == null ? 0 : Long.parseLong(reply.get(i).toString());
      }
      return values;
    } catch (java.io.IOException | RuntimeException e) {
      throw new QueueUnavailableException("budget store unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }

  private List<Long> eval(String script, String sha, List<Counter> counters, long[] amounts) {
    var keys = new ArrayList<String>();
    var args = new ArrayList<String>();
    for (int i = 0; i < counters.size(); i++) {
      keys.add(keyTag + counters.get(i).key());
      args.add(Long.toString(amounts[i]));
      args.add(Long.toString(counters.get(i).limit()));
      args.add(Long.toString(Math.max(1, counters.get(i).ttl().toSeconds())));
    }
    if (resp != null) {
      try {
        return resp.evalIntegers(script, sha, keys, args);
      } catch (java.io.IOException e) {
        throw new QueueUnavailableException("budget store unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
      }
    }
    try {
      // eval, not evalSha: a restarted Redis has lost its script cache
      return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.MULTI,
          new ArrayList<Object>(keys), args.toArray());
    } catch (RedisException e) {
      throw new QueueUnavailableException("budget store unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
