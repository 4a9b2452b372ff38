package io.botburrow.runners.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runners.RunnerRegistry;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/** {@link RunnerRegistry} as one expiring Redis key per runner. */
public final class RedisRunnerRegistry implements RunnerRegistry {
  private final RedissonClient redis;
  private final String prefix;

  public RedisRunnerRegistry(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.prefix = keyPrefix + "runner:";
  }

  @Override
  public void heartbeat(String runnerId, Duration ttl) {
    try {
      redis.<String>getBucket(prefix + runnerId, StringCodec.INSTANCE).set("alive", ttl);
    } catch (RedisException e) {
      throw new QueueUnavailableException("runner registry unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isAlive(String runnerId) {
    try {
      return redis.getBucket(prefix + runnerId, StringCodec.INSTANCE).isExists();
    } catch (RedisException e) {
      throw new QueueUnavailableException("runner registry unavailable: " + e.getMessage(), e);
    }
  }

  @Override
  public void leave(String runnerId) {
    try {
      redis.getBucket(prefix + runnerId, StringCodec.INSTANCE).delete();
    } catch (RedisException e) {
      throw new QueueUnavailableException("runner registry unavailable: " + e.getMessage(), e);
    }
  }
}
