package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinator side of the Redis activation queue: deduplicated, fenced enqueue and the lease reaper.
 * See {@code core/README.md}, "Activation queue", for the data layout.
 */
public final class RedisActivationQueue implements ActivationQueue, LeaseReaper {
  private static final Logger LOG = LoggerFactory.getLogger(RedisActivationQueue.class);
  private static final int REAP_BATCH = 100;

  private final QueueRedis redis;
  private final QueueSettings settings;
  private final AtomicLong highestTokenSeen = new AtomicLong();

  public RedisActivationQueue(
      RedissonClient client, RedisQueueKeys keys, QueueSettings settings, Clock clock) {
    this.redis = new QueueRedis(client, keys, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    List<Object> reply =
        redis.eval(
            "enqueue",
            redis.scripts().enqueue(),
            ReturnType.MULTI,
            activation.agent(),
            RedisQueueKeys.scriptIndex(activation.kind()),
            ActivationJson.write(activation),
            fencingToken,
            activation.enqueuedAt().toEpochMilli());
    String outcome = (String) reply.get(0);
    long current = ((Number) reply.get(1)).longValue();
    highestTokenSeen.accumulateAndGet(Math.max(current, fencingToken), Math::max);
    if ("FENCED".equals(outcome)) {
      throw new FencedOutException(fencingToken, current);
    }
    EnqueueResult result = EnqueueResult.valueOf(outcome);
    LOG.debug("Activation(id={}, agent={}) enqueue: {}", activation.id(), activation.agent(), result);
    return result;
  }

  /** The highest fencing token this instance has seen in Redis (survives a Redis restart). */
  public long highestTokenSeen() {
    return highestTokenSeen.get();
  }

  @Override
  public long depth(ActivationKind kind) {
    return redis.depth(kind);
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return redis.oldestAge(kind);
  }

  @Override
  public int reapExpiredLeases() {
    int total = 0;
    while (true) {
      Long reaped =
          redis.eval("reap", redis.scripts().reap(), ReturnType.INTEGER, settings.maxAttempts(), REAP_BATCH);
      total += reaped.intValue();
      if (reaped < REAP_BATCH) {
        if (total > 0) {
          LOG.info("Reaped {} expired activation leases", total);
        }
        return total;
      }
    }
  }
}
