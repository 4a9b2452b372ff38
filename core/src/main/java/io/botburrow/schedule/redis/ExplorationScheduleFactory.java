package io.botburrow.schedule.redis;

import io.botburrow.redis.RedisProperties;
import io.botburrow.schedule.ExplorationSchedule;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/** The Redis exploration schedule for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class ExplorationScheduleFactory {
  @Singleton
  ExplorationSchedule explorationSchedule(RedissonClient client, RedisProperties properties) {
    return new RedisExplorationSchedule(client, properties.keyPrefix());
  }
}
