package io.botburrow.tasks;

import io.botburrow.redis.RedisClusterProperties;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.tasks.redis.RedisTaskStore;
import io.botburrow.testing.TestRedisCluster;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;

/** The task store's scripts (four keys each) on a real 3-primary Redis Cluster, under a hash-tagged prefix. */
class RedisTaskStoreClusterIT implements TaskStoreContract {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static TestRedisCluster cluster;
  private static RedissonClient client;
  private TaskStore store;

  @BeforeAll
  static void startCluster() {
    cluster = TestRedisCluster.startOrSkip(3);
    client = RedissonFactory.createClient(RedisProperties.defaults().withKeyPrefix("{botburrow}:"),
        RedisSentinelProperties.none(), RedisClusterProperties.of(cluster.nodes(), 1));
  }

  @AfterAll
  static void stopCluster() {
    if (client != null) {
      client.shutdown();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void create() {
    store = new RedisTaskStore(client, "{tasks" + TEST_NUMBER.incrementAndGet() + "}:", Duration.ofDays(7));
  }

  @Override
  public TaskStore store() {
    return store;
  }
}
