package io.botburrow.tenants.redis;

import io.botburrow.activity.AgentActivity;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.redis.RedisProperties;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import io.botburrow.tenants.TenantStores;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/** Tenants' Redis stores for services that use Redis. */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class TenantStoresFactory {
  @Singleton
  TenantStores tenantStores(RedissonClient client, RedisProperties redis, AuditProperties audit,
      @Value("${botburrow.tasks.retention:7d}") Duration retention, TaskStore tasks, AgentActivity activity,
      ExplorationSchedule schedule, AuditLog auditLog) {
    return new RedisTenantStores(client, redis, audit, retention,
        new RedisTenantStores.Defaults(tasks, activity, schedule, auditLog));
  }
}
