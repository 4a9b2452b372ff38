package io.botburrow.tenants;

import io.botburrow.activity.AgentActivity;
import io.botburrow.audit.AuditLog;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import io.botburrow.triggers.ScheduleIndex;

/**
 * The Redis state of one tenant's agents, kept under the tenant's own key prefix ({@link Tenant#redisPrefix}), so
 * that agents of two tenants may share a name and never see each other's tasks, activity, schedule or audit
 * entries. The default tenant's are the deployment's own beans. Each method returns the same instance per tenant;
 * none blocks.
 */
public interface TenantStores {
  TaskStore tasks(Tenant tenant);

  AgentActivity activity(Tenant tenant);

  ExplorationSchedule schedule(Tenant tenant);

  AuditLog audit(Tenant tenant);

  /**
   * The fire times of the tenant's agents' {@code triggers:} schedules, so that same-named agents of two tenants keep
   * theirs apart; the default tenant's are the deployment's own keys.
   */
  ScheduleIndex triggerSchedules(Tenant tenant);
}
