package io.botburrow.queue.redis;

import io.botburrow.queue.ActivationQueueContract;
import io.botburrow.queue.QueueFixture;
import io.botburrow.queue.QueueSettings;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.MutableClock;
import io.botburrow.testing.TestRedis;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;

/** The activation protocol against a real redis-server. */
class RedisActivationQueueIT implements ActivationQueueContract {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static TestRedis server;
  private static RedissonClient client;

  private QueueFixture fixture;
  private RedisActivationClaims claims;

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void createQueue() {
    // a key prefix per test keeps tests independent without flushing the server
    RedisQueueKeys keys = new RedisQueueKeys("test" + TEST_NUMBER.incrementAndGet() + ":");
    QueueSettings settings = QueueSettings.defaults();
    MutableClock clock = new MutableClock();
    RedisActivationQueue queue = new RedisActivationQueue(client, keys, settings, clock);
    claims = new RedisActivationClaims(client, keys, settings, clock);
    fixture =
        new QueueFixture(
            queue, claims, new RedisQueueAdmin(client, keys, clock), queue,
            new RedisEffectLedger(client, keys), clock, settings, token -> Terms.start(client, keys, token));
    Terms.start(client, keys, TOKEN);
  }

  @AfterEach
  void closeClaims() {
    claims.close();
  }

  @Override
  public QueueFixture fixture() {
    return fixture;
  }
}
