package io.botburrow.audit.redis;

import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.redis.RedisProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/** The Redis audit log for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class AuditLogFactory {
  @Singleton
  AuditLog auditLog(RedissonClient client, RedisProperties redis, AuditProperties audit) {
    return new RedisAuditLog(client, redis.keyPrefix(), audit.streamMaxLength(), audit.retention());
  }
}
