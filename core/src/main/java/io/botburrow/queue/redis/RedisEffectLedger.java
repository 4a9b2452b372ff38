package io.botburrow.queue.redis;

import io.botburrow.queue.EffectLedger;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Effect ledger as one Redis string per key, written with {@code SET NX PX}. */
public final class RedisEffectLedger implements EffectLedger {
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
  public Optional<String> lookup(String key) {
    return Optional.ofNullable(
        RedisFailures.translate(
            "look up effect", () -> client.<String>getBucket(keys.effect(key), StringCodec.INSTANCE).get()));
  }
}
