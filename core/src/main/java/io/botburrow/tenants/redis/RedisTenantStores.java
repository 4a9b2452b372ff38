package io.botburrow.tenants.redis;

import io.botburrow.activity.AgentActivity;
import io.botburrow.activity.redis.RedisAgentActivity;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.audit.redis.RedisAuditLog;
import io.botburrow.redis.RedisProperties;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.schedule.redis.RedisExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import io.botburrow.tasks.redis.RedisTaskStore;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantStores;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.triggers.redis.RedisScheduleIndex;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.redisson.api.RedissonClient;

/** Each tenant's stores on the one Redis, under the tenant's key prefix; the default tenant's are given. */
public final class RedisTenantStores implements TenantStores {
  private final RedissonClient redis;
  private final RedisProperties props;
  private final AuditProperties auditProps;
  private final Duration taskRetention;
  private final Defaults defaults;
  private final Map<String, TaskStore> tasks = new ConcurrentHashMap<>();
  private final Map<String, AgentActivity> activity = new ConcurrentHashMap<>();
  private final Map<String, ExplorationSchedule> schedules = new ConcurrentHashMap<>();
  private final Map<String, AuditLog> audit = new ConcurrentHashMap<>();
  private final Map<String, ScheduleIndex> triggerSchedules = new ConcurrentHashMap<>();

  /** The deployment's own stores, which the default tenant keeps. */
  public record Defaults(TaskStore tasks, AgentActivity activity, ExplorationSchedule schedule, AuditLog audit) {}

  public RedisTenantStores(RedissonClient redis, RedisProperties props, AuditProperties auditProps, Duration taskRetention,
      Defaults defaults) {
    this.redis = redis;
    this.props = props;
    this.auditProps = auditProps;
    this.taskRetention = taskRetention;
    this.defaults = defaults;
  }

  @Override
  public TaskStore tasks(Tenant tenant) {
    return scoped(tasks, tenant, defaults.tasks(), prefix -> new RedisTaskStore(redis, prefix, taskRetention));
  }

  @Override
  public AgentActivity activity(Tenant tenant) {
    return scoped(activity, tenant, defaults.activity(), prefix -> new RedisAgentActivity(redis, prefix));
  }

  @Override
  public ExplorationSchedule schedule(Tenant tenant) {
    return scoped(schedules, tenant, defaults.schedule(), prefix -> new RedisExplorationSchedule(redis, prefix));
  }

  @Override
  public AuditLog audit(Tenant tenant) {
    return scoped(audit, tenant, defaults.audit(),
        prefix -> new RedisAuditLog(redis, prefix, auditProps.streamMaxLength(), auditProps.retention()));
  }

  @Override
  public ScheduleIndex triggerSchedules(Tenant tenant) {
    // the default tenant's prefix is the deployment's own: the same keys as the coordinator's own index
    return triggerSchedules.computeIfAbsent(tenant.name(),
        name -> new RedisScheduleIndex(redis, tenant.redisPrefix(props.keyPrefix())));
  }

  private <T> T scoped(Map<String, T> cache, Tenant tenant, T ofDefault, Function<String, T> create) {
    if (tenant.isDefault()) {
      return ofDefault;
    }
    return cache.computeIfAbsent(tenant.name(), name -> create.apply(tenant.redisPrefix(props.keyPrefix())));
  }
}
