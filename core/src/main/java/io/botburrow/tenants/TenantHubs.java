package io.botburrow.tenants;

import io.botburrow.hub.HubClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Hub client of each tenant: the deployment's own for the default tenant, one more per other tenant, opened on
 * first use.
 */
public final class TenantHubs {
  private final Tenants tenants;
  private final HubClient defaultHub;
  private final Function<Tenant, HubClient> open;
  private final Map<String, HubClient> clients = new ConcurrentHashMap<>();

  /**
   * @param defaultHub the client of {@code botburrow.hub.*}, the default tenant's
   * @param open builds the client of another tenant's Hub
   */
  public TenantHubs(Tenants tenants, HubClient defaultHub, Function<Tenant, HubClient> open) {
    this.tenants = tenants;
    this.defaultHub = defaultHub;
    this.open = open;
    clients.put(io.botburrow.activation.Activation.DEFAULT_TENANT, defaultHub);
  }

  /** The client of {@code tenant}'s Hub; throws {@link UnknownTenantException} for a tenant not configured. */
  public HubClient hub(String tenant) {
    Tenant t = tenants.get(tenant);
    return clients.computeIfAbsent(t.name(), name -> open.apply(t));
  }

  public HubClient defaultHub() {
    return defaultHub;
  }

  public Tenants tenants() {
    return tenants;
  }
}
