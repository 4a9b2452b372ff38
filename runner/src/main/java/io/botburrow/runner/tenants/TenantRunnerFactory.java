package io.botburrow.runner.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activity.AgentActivity;
import io.botburrow.agents.AgentDefinitionStores;
import io.botburrow.audit.AuditArchives;
import io.botburrow.audit.AuditProperties;
import io.botburrow.channels.ChannelAdapters;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.EffectLedger;
import io.botburrow.redis.RedisProperties;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.RunnerProperties;
import io.botburrow.runner.activation.ActivationHandler;
import io.botburrow.runner.activation.WorkspaceProvider;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.runner.audit.AuditMetrics;
import io.botburrow.runner.audit.AuditRecorder;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.memory.MemoryMounts;
import io.botburrow.runner.llm.GatewayChatModelSource;
import io.botburrow.runner.llm.LlmProperties;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.schedule.ExplorationProperties;
import io.botburrow.secrets.Redactor;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantChannels;
import io.botburrow.tenants.TenantHubs;
import io.botburrow.tenants.TenantStores;
import io.botburrow.tenants.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The runner's handlers per tenant. The default tenant's is the runner's {@link ActivationHandler}; every other
 * tenant's is the same pipeline over that tenant's Hub, part of the bucket, Redis keys, gateway tenant, and Slack and
 * Discord apps (its agents answer there through the tenant's own bot tokens).
 */
@Factory
@Requires(env = "runner")
class TenantRunnerFactory {

  @Singleton
  TenantActivations tenantActivations(
      Tenants tenants,
      ActivationHandler defaultHandler,
      TenantHubs hubs,
      @Nullable AgentDefinitionStores definitionStores,
      @Nullable TenantStores stores,
      ModelRouter router,
      Gateway gateway,
      PriceTable prices,
      LlmProperties llm,
      ObjectMapper json,
      RunnerMetrics metrics,
      Clock clock,
      RunnerProperties props,
      RedisProperties redis,
      EffectLedger effects,
      ExplorationProperties exploration,
      WorkspaceProvider workspaces,
      @Nullable CliExecutors cliExecutors,
      @Nullable MemoryMounts memory,
      List<ActivationTools> extraTools,
      @Named("runnerId") String runnerId,
      TenantChannels channels,
      @Nullable AuditArchives archives,
      AuditProperties audit,
      Redactor redactor,
      MeterRegistry registry) {
    if (tenants.many() && (definitionStores == null || stores == null)) {
      throw new IllegalStateException("botburrow.tenants needs the definitions bucket (botburrow.s3.bucket) and Redis"
          + " (botburrow.redis.enabled), which keep each tenant's agents apart");
    }
    ActivationTools extras = extraTools.stream().reduce(ActivationTools.NONE, ActivationTools::of);
    return new TenantActivations(tenants, defaultHandler, (Tenant t) -> {
      HubClient hub = hubs.hub(t.name());
      return new ActivationHandler(definitionStores.under(t.bucketPrefix()), hub, router,
          new GatewayChatModelSource(gateway, prices, llm.timeout(), t.name()), json, metrics.forTenant(t.name()), clock,
          props.activationTimeout(), redis.maxAttempts(), new TenantEffects(effects, t.name()), stores.schedule(t), exploration.minStaleness(),
          workspaces, stores.tasks(t), tenantExecutors(cliExecutors, memory, t), extras,
          new ActivityReporter(stores.activity(t), runnerId, clock), ChannelAdapters.sending(hub, channels.of(t.name()).slack(),
              channels.of(t.name()).discord(), clock),
          new AuditRecorder(stores.audit(t), archives == null ? null : archives.under(t.bucketPrefix()), audit, redactor, new AuditMetrics(registry), clock));
    });
  }

  // CLI agents keep their memory in the tenant's part of the bucket
  private static CliExecutors tenantExecutors(CliExecutors executors, MemoryMounts memory, Tenant t) {
    return executors == null ? null : executors.withMemory(memory == null ? null : memory.under(t.bucketPrefix()));
  }
}
