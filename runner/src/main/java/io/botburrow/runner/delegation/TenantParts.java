package io.botburrow.runner.delegation;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.tasks.TaskStore;
import io.botburrow.tenants.Tenants;
import java.util.Optional;
import java.util.function.Function;

/**
 * What delegation needs of each tenant: its agents' definitions and its tasks, and whether the operator lets one
 * tenant's agents hand work to another's ({@code botburrow.tenants.<name>.delegate-to}).
 */
public final class TenantParts {
  private final Tenants tenants;
  private final Function<String, AgentDefinitionStore> definitions;
  private final Function<String, TaskStore> tasks;

  /** An agent of a tenant: {@code name} in the delegator's own tenant, {@code tenant/name} in another. */
  public record Target(String tenant, String agent) {}

  public TenantParts(Tenants tenants, Function<String, AgentDefinitionStore> definitions, Function<String, TaskStore> tasks) {
    this.tenants = tenants;
    this.definitions = definitions;
    this.tasks = tasks;
  }

  /** The default tenant only. */
  static TenantParts single(AgentDefinitionStore definitions, TaskStore tasks) {
    return new TenantParts(null, tenant -> definitions, tenant -> tasks);
  }

  /** Where {@code to} points, seen from an agent of {@code fromTenant}. Pure. */
  static Target target(String fromTenant, String to) {
    int slash = to.indexOf('/');
    return slash < 0 ? new Target(fromTenant, to) : new Target(to.substring(0, slash), to.substring(slash + 1));
  }

  /** Why agents of {@code from} may not hand work to agents of {@code to}, if they may not. */
  Optional<String> refusal(String from, String to) {
    if (from.equals(to)) {
      return Optional.empty();
    }
    if (tenants == null || tenants.find(to).isEmpty()) {
      return Optional.of("there is no tenant named " + to);
    }
    if (!tenants.mayDelegate(from, to)) {
      return Optional.of("agents of tenant " + from + " may not hand work to tenant " + to
          + " (the operator has not listed it in botburrow.tenants." + from + ".delegate-to)");
    }
    return Optional.empty();
  }

  AgentDefinitionStore definitions(String tenant) {
    return definitions.apply(tenant);
  }

  TaskStore tasks(String tenant) {
    return tasks.apply(tenant);
  }

}
