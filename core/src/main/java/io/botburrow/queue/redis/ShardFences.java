package io.botburrow.queue.redis;

import io.botburrow.queue.redis.QueueShardSet.Shard;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fencing of the sharded queue: every shard's fencing counter is raised to the current term's token, which
 * the leader election writes to the base prefix's counter, so a deposed leader is fenced out on every shard.
 */
final class ShardFences {
  private static final Logger LOG = LoggerFactory.getLogger(ShardFences.class);
  private static final String RAISE_FENCE =
      """
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      if current < tonumber(ARGV[1]) then
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
      end
      return 0
      """;

  private final RedissonClient client;
  private final QueueShards layout;
  private final QueueShardSet shards;
  private final String baseFence;
  private final AtomicLong fencedShardsAt = new AtomicLong();

  ShardFences(RedissonClient client, QueueShards layout, QueueShardSet shards) {
    this.client = client;
    this.layout = layout;
    this.shards = shards;
    this.baseFence = new RedisQueueKeys(layout.prefix()).fencingCounter();
  }

  /**
   * Passes {@code token} to the shards when it is the current term's and they do not have it yet: when the term
   * starts and, at the latest, before the term's first enqueue.
   */
  void beforeEnqueue(long token) {
    if (token > fencedShardsAt.get() && !layout.isSingle() && token == currentTerm()) {
      raiseFences(token);
    }
  }

  /**
   * Raises every shard's fencing counter to {@code token} (never lowers one) when {@code token} is the current
   * term's, as the election's counter says: a deposed leader's token, higher or lower, never reaches a shard.
   */
  private void raiseFences(long token) {
    for (Shard shard : shards.all()) {
      raiseFence(shard, token);
    }
    fencedShardsAt.accumulateAndGet(token, Math::max);
  }

  private void raiseFence(Shard shard, long token) {
    if (shard.keys().fencingCounter().equals(baseFence)) {
      return; // the election's own counter
    }
    RedisFailures.translate("raise fence", () -> client.getScript(StringCodec.INSTANCE).<Long>eval(
        RScript.Mode.READ_WRITE, RAISE_FENCE, RScript.ReturnType.INTEGER, List.of(shard.keys().fencingCounter()),
        Long.toString(token)));
  }

  private long currentTerm() {
    String current = RedisFailures.translate("fence", () ->
        client.<String>getBucket(baseFence, StringCodec.INSTANCE).get());
    return current == null ? 0 : Long.parseLong(current);
  }

  /**
   * Whether {@code shard}, which refused {@code token}, took it now: a shard that lost its state refuses every
   * token; it takes the current term's again, and only that.
   */
  boolean refenced(Shard shard, long token) {
    if (layout.isSingle() || token <= 0) {
      return false;
    }
    String shardFence = RedisFailures.translate("fence", () ->
        client.<String>getBucket(shard.keys().fencingCounter(), StringCodec.INSTANCE).get());
    if (shardFence != null) {
      return false;
    }
    if (currentTerm() != token) {
      return false;
    }
    LOG.warn("Queue shard {} lost its state; it takes the current term's token {} again", shard.keys().prefix(), token);
    raiseFence(shard, token);
    return true;
  }
}
