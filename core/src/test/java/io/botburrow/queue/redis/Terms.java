package io.botburrow.queue.redis;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** What the leader election does on gaining a term, for queue tests without an election. */
final class Terms {
  private Terms() {}

  /** Sets the fencing counter to {@code token}: from now on only {@code token} is accepted. */
  static void start(RedissonClient client, RedisQueueKeys keys, long token) {
    client.getBucket(keys.fencingCounter(), StringCodec.INSTANCE).set(Long.toString(token));
  }
}
