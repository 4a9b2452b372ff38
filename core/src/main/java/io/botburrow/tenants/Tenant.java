package io.botburrow.tenants;

import io.botburrow.activation.Activation;
import io.botburrow.hub.http.HubClientProperties;
import java.util.Objects;
import java.util.Set;

/**
 * One Hub served by this deployment, with what keeps its agents apart from other tenants' agents.
 *
 * @param name the tenant's name, as carried by its activations ({@link Activation#DEFAULT_TENANT} for the Hub of
 *     {@code botburrow.hub.*})
 * @param hub how to reach its Hub (url and service key)
 * @param bucketPrefix where its agent definitions and skills are in the bucket: {@code <prefix>agents/<name>/...};
 *     empty for the default tenant
 * @param budget what the gateway lets its agents spend
 * @param delegateTo the other tenants whose agents this tenant's agents may hand work to
 */
public record Tenant(String name, HubClientProperties hub, String bucketPrefix, TenantBudget budget, Set<String> delegateTo) {

  public Tenant {
    Activation.requireTenantName(name);
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(budget, "budget");
    bucketPrefix = bucketPrefix == null ? "" : bucketPrefix;
    if (!bucketPrefix.isEmpty() && (!bucketPrefix.endsWith("/") || bucketPrefix.startsWith("/") || bucketPrefix.contains(".."))) {
      throw new IllegalArgumentException("botburrow.tenants." + name + ".bucket-prefix must end with '/', not start with"
          + " '/' and not contain '..', was '" + bucketPrefix + "'");
    }
    delegateTo = Set.copyOf(delegateTo == null ? Set.of() : delegateTo);
    delegateTo.forEach(Activation::requireTenantName);
  }

  /** The Hub of {@code botburrow.hub.*}, as a deployment without tenants has always served it. */
  public static Tenant single(HubClientProperties hub) {
    return new Tenant(Activation.DEFAULT_TENANT, hub, "", TenantBudget.NONE, Set.of());
  }

  public boolean isDefault() {
    return Activation.DEFAULT_TENANT.equals(name);
  }

  /**
   * The prefix of this tenant's Redis keys under the deployment's {@code base}: the default tenant keeps {@code base}
   * (the keys of a deployment without tenants), another one gets {@code base + "tenant:<name>:"}.
   */
  public String redisPrefix(String base) {
    return isDefault() ? base : base + "tenant:" + name + ":";
  }
}
