package io.botburrow.devkit.redis;

import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.RedisActivationClaims;
import io.botburrow.queue.redis.RedisActivationQueue;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The benchmark's load ({@link QueueDriver}) against a single Redis queue under a fresh key prefix. */
final class QueueLoad {
  private final QueueBenchmark.Options options;
  private final Clock clock = Clock.systemUTC();

  QueueLoad(QueueBenchmark.Options options) {
    this.options = options;
  }

  /** What was measured after the warm-up. */
  QueueDriver.Window run() {
    RedisProperties properties =
        RedisProperties.forUrl(options.url()).withKeyPrefix("bench:" + System.nanoTime() + ":");
    RedissonClient client = RedissonFactory.createClient(properties);
    RedisQueueKeys keys = new RedisQueueKeys(properties.keyPrefix());
    QueueSettings settings = properties.queueSettings();
    RedisActivationQueue queue = new RedisActivationQueue(client, keys, settings, clock);
    // the term a leader election would start: the queue accepts only the current term's token
    client.getBucket(keys.fencingCounter(), StringCodec.INSTANCE).set("1");
    try (RedisActivationClaims claims = new RedisActivationClaims(client, keys, settings, clock);
        QueueDriver driver = new QueueDriver(queue, claims, 1, options.agents(), options.slots(), options.producers())) {
      return driver.measure(options.warmup(), options.duration());
    } finally {
      client.getKeys().deleteByPattern(properties.keyPrefix() + "*");
      client.shutdown();
    }
  }
}
