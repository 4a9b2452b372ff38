package io.botburrow.coordinator;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.coordinator.duties.ScheduleFirer;
import io.botburrow.coordinator.schedules.ScheduleProperties;
import io.botburrow.tasks.TaskStore;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.coordinator.duties.HubWatcher;
import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.coordinator.duties.LeaseReaperDuty;
import io.botburrow.coordinator.duties.RegistrySync;
import io.botburrow.coordinator.duties.StalenessScheduler;
import io.botburrow.activity.AgentActivity;
import io.botburrow.hub.HubClient;
import io.botburrow.leader.LeaderElection;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.runners.RunnerObserver;
import io.botburrow.runners.RunnerRegistry;
import io.botburrow.schedule.ExplorationProperties;
import io.botburrow.schedule.ExplorationSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Wires the coordinator: its leader duties, metrics and the duty manager driven by the election. */
@Factory
@Requires(env = "coordinator")
class CoordinatorFactory {

  @Singleton
  CoordinatorMetrics coordinatorMetrics(
      MeterRegistry registry, ActivationQueue queue, QueueAdmin admin, LeaderElection election) {
    return new CoordinatorMetrics(registry, queue, admin, election.instanceId());
  }

  @Singleton
  @Bean(preDestroy = "close")
  DutyManager dutyManager(
      HubClient hub,
      ActivationQueue queue,
      LeaseReaper reaper,
      AgentDefinitionStore definitions,
      CoordinatorProperties props,
      CoordinatorMetrics metrics,
      ExplorationSchedule schedule,
      ExplorationProperties exploration,
      RunnerRegistry runners,
      ScheduleIndex schedules,
      TaskStore tasks,
      ScheduleProperties scheduleProps,
      AgentActivity activity,
      Clock clock,
      @io.micronaut.core.annotation.Nullable io.botburrow.coordinator.channels.DiscordGatewayDuty discordGateway,
      @io.micronaut.core.annotation.Nullable io.botburrow.coordinator.channels.SlackSocketModeDuty slackSocketMode,
      @io.micronaut.core.annotation.Nullable io.botburrow.audit.AuditArchive auditArchive,
      io.botburrow.audit.AuditProperties audit,
      io.botburrow.coordinator.tenants.TenantDuties tenantDuties,
      io.botburrow.coordinator.channels.TenantChannelDuties tenantChannels) {
    List<LeaderDuty> duties = new ArrayList<>();
    // the default tenant's Hub is counted under tenant="default" like every other tenant's
    hub = tenantDuties.defaultHub();
    duties.add(new HubWatcher(hub, queue, props, metrics, clock));
    DiscoveryPolicy discovery = new DiscoveryPolicy(definitions);
    duties.add(new StalenessScheduler(hub, queue, schedule, discovery, props, exploration.minStaleness(), metrics, activity, clock));
    RunnerObserver observer = new RunnerObserver(runners, props.deadRunnerAfter(), clock);
    duties.add(new ScheduleFirer(schedules, definitions, queue, tasks, scheduleProps, props.maxBackoff(), clock));
    duties.add(new LeaseReaperDuty(reaper, observer, Duration.ofSeconds(1), props.maxBackoff()));
    if (!props.registrySyncInterval().isZero()) {
      duties.add(new RegistrySync(hub, definitions, schedule, exploration.minStaleness(), props, clock));
    }
    if (discordGateway != null) {
      duties.add(discordGateway);
    }
    if (slackSocketMode != null) {
      duties.add(slackSocketMode);
    }
    if (auditArchive != null) {
      duties.add(new io.botburrow.coordinator.duties.AuditRetentionDuty(auditArchive, audit.retentionDays(), clock,
          props.maxBackoff()));
    }
    duties.addAll(tenantDuties.duties());
    duties.addAll(tenantChannels.duties());
    return new DutyManager(duties, metrics);
  }

  @Singleton
  io.botburrow.coordinator.tenants.TenantDuties tenantDuties(io.botburrow.tenants.Tenants tenants,
      io.botburrow.tenants.TenantHubs hubs,
      @io.micronaut.core.annotation.Nullable io.botburrow.agents.AgentDefinitionStores definitions,
      @io.micronaut.core.annotation.Nullable io.botburrow.tenants.TenantStores stores, ActivationQueue queue,
      CoordinatorProperties props, CoordinatorMetrics metrics, ExplorationProperties exploration, MeterRegistry registry,
      Clock clock, @io.micronaut.core.annotation.Nullable io.botburrow.audit.AuditArchives archives,
      io.botburrow.audit.AuditProperties audit, ScheduleProperties scheduleProps) {
    return new io.botburrow.coordinator.tenants.TenantDuties(tenants, hubs, definitions, stores, queue, props, metrics,
        exploration.minStaleness(), registry, clock, archives, audit.retentionDays(), scheduleProps);
  }
}
