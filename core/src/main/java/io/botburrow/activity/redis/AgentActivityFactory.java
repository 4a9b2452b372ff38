package io.botburrow.activity.redis;

import io.botburrow.activity.AgentActivity;
import io.botburrow.redis.RedisProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/** The Redis agent activity board for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class AgentActivityFactory {
  @Singleton
  AgentActivity agentActivity(RedissonClient client, RedisProperties properties) {
    return new RedisAgentActivity(client, properties.keyPrefix());
  }
}
