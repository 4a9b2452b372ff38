package io.botburrow.cli.bench;

import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Samples how many activations hold a lease (the queue's running hash), keeping the largest. */
final class RunningSampler implements AutoCloseable {
  private final RedissonClient client;
  private final Thread thread;
  private final AtomicInteger peak = new AtomicInteger();
  private volatile boolean sampling = true;

  RunningSampler(String url) {
    RedisProperties properties = RedisProperties.forUrl(url);
    client = RedissonFactory.createClient(properties);
    String running = new RedisQueueKeys(properties.keyPrefix()).running();
    thread = Thread.ofPlatform().daemon().name("bench-running-sampler").start(() -> {
      while (sampling) {
        peak.accumulateAndGet(client.getMap(running, StringCodec.INSTANCE).size(), Math::max);
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    });
  }

  int peak() {
    return peak.get();
  }

  @Override
  public void close() throws InterruptedException {
    sampling = false;
    thread.join();
    client.shutdown();
  }
}
