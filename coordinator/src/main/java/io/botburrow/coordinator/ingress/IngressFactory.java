package io.botburrow.coordinator.ingress;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.coordinator.api.ApiAccess;
import io.botburrow.hub.HubClient;
import io.botburrow.coordinator.api.ApiKeyProperties;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.coordinator.webhooks.SecretSource;
import java.util.List;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.tasks.TaskStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Ingress beans: every replica serves webhooks and the agent API, leader or not. */
@Factory
@Requires(env = "coordinator")
class IngressFactory {
  @Singleton
  TriggerIngress triggerIngress(
      ActivationQueue queue, TaskStore tasks, Clock clock, HubClient hub, AgentDefinitionStore definitions) {
    return new TriggerIngress(queue, tasks, clock, new HubRegistration(hub, definitions));
  }

  @Singleton
  TenantIngresses tenantIngresses(io.botburrow.tenants.Tenants tenants, io.botburrow.tenants.TenantHubs hubs,
      TriggerIngress ingress, TaskStore tasks, AgentDefinitionStore definitions, io.botburrow.activity.AgentActivity activity,
      ActivationQueue queue, Clock clock,
      @io.micronaut.core.annotation.Nullable io.botburrow.agents.AgentDefinitionStores stores,
      @io.micronaut.core.annotation.Nullable io.botburrow.tenants.TenantStores tenantStores) {
    return new TenantIngresses(tenants,
        new TenantIngresses.Scope(tenants.get(io.botburrow.activation.Activation.DEFAULT_TENANT), ingress, tasks, definitions,
            activity),
        hubs, stores, tenantStores, queue, clock);
  }

  // created at start-up, so that a key naming an unknown tenant stops the coordinator there
  @io.micronaut.context.annotation.Context
  ApiAccess apiAccess(OperatorProperties operator, List<ApiKeyProperties> keys, SecretSource secrets,
      io.botburrow.tenants.Tenants tenants) {
    return new ApiAccess(operator, keys, secrets, tenants);
  }

  /** The environment; replaced by any other {@link SecretSource} bean (tests). */
  @Singleton
  @Secondary
  SecretSource secretSource() {
    return SecretSource.environment();
  }
}
