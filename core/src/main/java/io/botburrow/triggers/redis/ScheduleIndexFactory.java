package io.botburrow.triggers.redis;

import io.botburrow.redis.RedisProperties;
import io.botburrow.triggers.ScheduleIndex;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/** The Redis schedule index for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class ScheduleIndexFactory {
  @Singleton
  ScheduleIndex scheduleIndex(RedissonClient client, RedisProperties properties) {
    return new RedisScheduleIndex(client, properties.keyPrefix());
  }
}
