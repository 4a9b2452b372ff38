package io.botburrow.coordinator.tenants;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentDefinitionStores;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.coordinator.DiscoveryPolicy;
import io.botburrow.coordinator.duties.HubWatcher;
import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.coordinator.duties.RegistrySync;
import io.botburrow.coordinator.duties.StalenessScheduler;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantHubs;
import io.botburrow.tenants.TenantStores;
import io.botburrow.tenants.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hub duties of every tenant but the default one (whose duties the coordinator always had): watching its Hub's
 * notifications, its agents' exploration, their {@code triggers:} schedules and its registry, each on a loop of its
 * own, so that one Hub that fails backs off alone while the others are served. What they enqueue carries the tenant.
 */
public final class TenantDuties {
  private final List<LeaderDuty> duties;
  private final HubClient defaultHub;

  /**
   * @param stores each tenant's exploration schedule and activity (null when only the default tenant is served)
   * @param archives each tenant's audit archive, whose old days are deleted as the default one's (null: no archive)
   */
  public TenantDuties(Tenants tenants, TenantHubs hubs, AgentDefinitionStores definitions, TenantStores stores,
      ActivationQueue queue, CoordinatorProperties props, CoordinatorMetrics metrics, Duration minStaleness,
      MeterRegistry registry, Clock clock, io.botburrow.audit.AuditArchives archives, int auditRetentionDays,
      io.botburrow.coordinator.schedules.ScheduleProperties scheduleProps) {
    this.defaultHub = new MeteredHub(hubs.defaultHub(), io.botburrow.activation.Activation.DEFAULT_TENANT, registry);
    List<LeaderDuty> all = new ArrayList<>();
    for (Tenant t : tenants.all()) {
      if (t.isDefault()) {
        continue;
      }
      if (definitions == null || stores == null) {
        throw new IllegalStateException("botburrow.tenants needs the definitions bucket (botburrow.s3.bucket) and Redis"
            + " (botburrow.redis.enabled), which keep each tenant's agents apart");
      }
      HubClient hub = new MeteredHub(hubs.hub(t.name()), t.name(), registry);
      ActivationQueue tenantQueue = new TenantQueue(queue, t.name());
      AgentDefinitionStore defs = definitions.under(t.bucketPrefix());
      ExplorationSchedule schedule = stores.schedule(t);
      all.add(new HubWatcher(hub, tenantQueue, props, metrics, clock));
      all.add(new StalenessScheduler(hub, tenantQueue, schedule, new DiscoveryPolicy(defs), props, minStaleness, metrics,
          stores.activity(t), clock));
      // the tenant's `triggers:` schedules, with fire times of their own: same-named agents never share them
      all.add(new io.botburrow.coordinator.duties.ScheduleFirer(t.name(), stores.triggerSchedules(t), defs, tenantQueue,
          stores.tasks(t), scheduleProps, props.maxBackoff(), clock));
      if (!props.registrySyncInterval().isZero()) {
        all.add(new RegistrySync(hub, defs, schedule, minStaleness, props, clock));
      }
      if (archives != null) {
        all.add(new io.botburrow.coordinator.duties.AuditRetentionDuty(archives.under(t.bucketPrefix()), auditRetentionDays,
            clock, props.maxBackoff()));
      }
    }
    this.duties = List.copyOf(all);
  }

  public List<LeaderDuty> duties() {
    return duties;
  }

  /** The default tenant's Hub ({@code botburrow.hub.*}) as its duties use it, counted like the others. */
  public HubClient defaultHub() {
    return defaultHub;
  }
}
