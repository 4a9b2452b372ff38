package io.botburrow.logs.redis;

import io.botburrow.logs.ActivationLogs;
import io.botburrow.redis.RedisProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/** The Redis activation logs for services that use Redis: 2,000 lines per activation, kept an hour. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class ActivationLogsFactory {
  static final int MAX_LINES = 2000;
  static final Duration TTL = Duration.ofHours(1);

  @Singleton
  ActivationLogs activationLogs(RedissonClient client, RedisProperties redis) {
    return new RedisActivationLogs(client, redis.keyPrefix(), MAX_LINES, TTL);
  }
}
