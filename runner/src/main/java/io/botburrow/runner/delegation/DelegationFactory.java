package io.botburrow.runner.delegation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentDefinitionStores;
import io.botburrow.tenants.TenantStores;
import io.botburrow.tenants.Tenants;
import io.micronaut.core.annotation.Nullable;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EffectLedger;
import io.botburrow.runner.PropertyLists;
import io.botburrow.tasks.TaskStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

@Factory
@Requires(env = "runner")
class DelegationFactory {
  @Singleton
  DelegationTools delegationTools(Environment env, DelegationProperties props, AgentDefinitionStore definitions,
      ActivationQueue queue, TaskStore tasks, EffectLedger ledger, ObjectMapper json, Clock clock, Tenants tenants,
      @Nullable AgentDefinitionStores tenantDefinitions, @Nullable TenantStores tenantStores) {
    DelegationAuthority authority = new DelegationAuthority(allowLists(env), props.maxDepth());
    // the default tenant keeps the runner's own stores; the others get theirs (TenantRunnerFactory checks they exist)
    TenantParts parts = new TenantParts(tenants,
        t -> Activation.DEFAULT_TENANT.equals(t) ? definitions : tenantDefinitions.under(tenants.get(t).bucketPrefix()),
        t -> Activation.DEFAULT_TENANT.equals(t) ? tasks : tenantStores.tasks(tenants.get(t)));
    return new DelegationTools(new Delegations(authority, parts, queue, ledger, props.resultWait(), clock), json);
  }

  /** {@code botburrow.delegation.allow.<agent>}: a YAML list, or comma-separated text (environment, -D). */
  static Map<String, List<String>> allowLists(Environment env) {
    return PropertyLists.byName(env, "botburrow.delegation.allow");
  }
}
