package io.botburrow.queue.redis;

import io.botburrow.queue.EffectLedger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Effect ledger as one Redis string per key, written with {@code SET NX PX}. */
public final class RedisEffectLedger implements EffectLedger {
  private static final String REMOVE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
  private static final String REPLACE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";
  private final RedissonClient client;
  private final RedisQueueKeys keys;

  public RedisEffectLedger(RedissonClient client, RedisQueueKeys keys) {
    this.client = Objects.requireNonNull(client, "client");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public boolean tryRecord(String key, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("ttl must be at least 1 ms: " + ttl);
    }
    return RedisFailures.translate(
        "record effect", () -> client.<String>getBucket(keys.effect(key), StringCodec.INSTANCE).setIfAbsent(value, ttl));
  }

  @Override
  public boolean replace(String key, String expected, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("ttl must be at least 1 ms: " + ttl);
    }
    Long replaced = RedisFailures.translate("replace effect", () -> client.getScript(StringCodec.INSTANCE).eval(
        RScript.Mode.READ_WRITE, REPLACE, RScript.ReturnType.INTEGER, List.<Object>of(keys.effect(key)),
        expected, value, Long.toString(ttl.toMillis())));
    return replaced != null && replaced == 1L;
  }

  @Override
  public boolean remove(String key, String expected) {
    Long removed = RedisFailures.translate("remove effect", () -> client.getScript(StringCodec.INSTANCE).eval(
        RScript.Mode.READ_WRITE, REMOVE, RScript.ReturnType.INTEGER, List.<Object>of(keys.effect(key)), expected));
    return removed != null && removed == 1L;
  }

  @Override
  public Optional<String> lookup(String key) {
    return Optional.ofNullable(
        RedisFailures.translate(
            "look up effect", () -> client.<String>getBucket(keys.effect(key), StringCodec.INSTANCE).get()));
  }
}
