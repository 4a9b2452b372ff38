package io.botburrow.coordinator.ingress;

import io.botburrow.activation.Activation;
import io.botburrow.activity.AgentActivity;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentDefinitionStores;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.tasks.TaskStore;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantHubs;
import io.botburrow.tenants.TenantStores;
import io.botburrow.tenants.Tenants;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where webhooks and API messages of each tenant go: the tenant's definitions (its bucket prefix), its tasks (its
 * Redis keys) and an ingress whose activations carry the tenant. The default tenant's are the deployment's own.
 */
public final class TenantIngresses {
  /** One tenant's ingress, with the definitions, tasks and runners' activity reports it reads. */
  public record Scope(
      Tenant tenant, TriggerIngress ingress, TaskStore tasks, AgentDefinitionStore definitions, AgentActivity activity) {}

  private final Tenants tenants;
  private final Scope defaultScope;
  private final TenantHubs hubs;
  private final AgentDefinitionStores definitions;
  private final TenantStores stores;
  private final ActivationQueue queue;
  private final Clock clock;
  private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

  /**
   * @param definitions every tenant's definitions (null when only the default tenant is served)
   * @param stores every tenant's Redis stores (null when only the default tenant is served)
   */
  public TenantIngresses(Tenants tenants, Scope defaultScope, TenantHubs hubs, AgentDefinitionStores definitions,
      TenantStores stores, ActivationQueue queue, Clock clock) {
    this.tenants = tenants;
    this.defaultScope = defaultScope;
    this.hubs = hubs;
    this.definitions = definitions;
    this.stores = stores;
    this.queue = queue;
    this.clock = clock;
  }

  /** The default tenant's only: a deployment that serves one Hub. */
  public static TenantIngresses single(Scope defaultScope) {
    return new TenantIngresses(Tenants.single(defaultScope.tenant()), defaultScope, null, null, null, null, null);
  }

  /** The scope of {@code tenant}; empty when this deployment does not serve it. */
  public Optional<Scope> of(String tenant) {
    if (Activation.DEFAULT_TENANT.equals(tenant)) {
      return Optional.of(defaultScope);
    }
    Optional<Tenant> found = tenants.find(tenant);
    if (found.isEmpty() || definitions == null || stores == null) {
      return Optional.empty();
    }
    return Optional.of(scopes.computeIfAbsent(tenant, name -> open(found.get())));
  }

  private Scope open(Tenant t) {
    AgentDefinitionStore defs = definitions.under(t.bucketPrefix());
    TaskStore tasks = stores.tasks(t);
    TriggerIngress ingress = new TriggerIngress(t.name(), queue, tasks, clock, new HubRegistration(hubs.hub(t.name()), defs));
    return new Scope(t, ingress, tasks, defs, stores.activity(t));
  }
}
