package io.botburrow.runners.redis;

import io.botburrow.redis.RedisProperties;
import io.botburrow.runners.RunnerDirectory;
import io.botburrow.runners.RunnerRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.redisson.api.RedissonClient;

/** The Redis runner registry for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class RunnerRegistryFactory {
  @Singleton
  RunnerRegistry runnerRegistry(RedissonClient client, RedisProperties properties) {
    return new RedisRunnerRegistry(client, properties.keyPrefix());
  }

  @Singleton
  RunnerDirectory runnerDirectory(RedissonClient client, RedisProperties properties, Clock clock) {
    return new RedisRunnerDirectory(client, properties.keyPrefix(), clock);
  }
}
