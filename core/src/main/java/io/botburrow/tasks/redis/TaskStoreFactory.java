package io.botburrow.tasks.redis;

import io.botburrow.redis.RedisProperties;
import io.botburrow.tasks.TaskStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/** The Redis task store for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class TaskStoreFactory {
  @Singleton
  TaskStore taskStore(
      RedissonClient client,
      RedisProperties properties,
      @Value("${botburrow.tasks.retention:7d}") Duration retention) {
    return new RedisTaskStore(client, properties.keyPrefix(), retention);
  }
}
