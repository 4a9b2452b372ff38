package io.botburrow.tasks;

import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.tasks.redis.RedisTaskStore;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;

class RedisTaskStoreIT implements TaskStoreContract {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static TestRedis server;
  private static RedissonClient client;
  private TaskStore store;

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
  void create() {
    store = new RedisTaskStore(client, "tasks" + TEST_NUMBER.incrementAndGet() + ":", Duration.ofDays(7));
  }

  @Override
  public TaskStore store() {
    return store;
  }
}
