package io.botburrow.schedule;

import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.schedule.redis.RedisExplorationSchedule;
import io.botburrow.testing.TestRedis;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;

class RedisExplorationScheduleIT implements ExplorationScheduleContract {
  private static final AtomicInteger N = new AtomicInteger();
  private static TestRedis server;
  private static RedissonClient client;
  private ExplorationSchedule schedule;

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
  void setUp() {
    schedule = new RedisExplorationSchedule(client, "test" + N.incrementAndGet() + ":");
  }

  @Override
  public ExplorationSchedule schedule() {
    return schedule;
  }
}
