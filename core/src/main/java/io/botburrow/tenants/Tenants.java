package io.botburrow.tenants;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants this deployment serves: always the default one (the Hub of {@code botburrow.hub.*}), and each one of
 * {@code botburrow.tenants.<name>.*}. Immutable.
 */
public final class Tenants {
  private final Map<String, Tenant> byName;

  public Tenants(Collection<Tenant> tenants) {
    Map<String, Tenant> map = new LinkedHashMap<>();
    for (Tenant t : tenants) {
      if (map.put(t.name(), t) != null) {
        throw new IllegalArgumentException("tenant '" + t.name() + "' is configured twice");
      }
    }
    if (!map.containsKey(io.botburrow.activation.Activation.DEFAULT_TENANT)) {
      throw new IllegalArgumentException("the default tenant is missing");
    }
    for (Tenant t : map.values()) {
      for (String other : t.delegateTo()) {
        if (!map.containsKey(other)) {
          throw new IllegalArgumentException("botburrow.tenants." + t.name() + ".delegate-to names '" + other
              + "', which is not a configured tenant");
        }
      }
    }
    this.byName = java.util.Collections.unmodifiableMap(map);
  }

  /** A deployment that serves one Hub. */
  public static Tenants single(Tenant tenant) {
    return new Tenants(List.of(tenant));
  }

  /** The tenant of {@code name}; throws {@link UnknownTenantException} when it is not configured. */
  public Tenant get(String name) {
    Tenant t = byName.get(name);
    if (t == null) {
      throw new UnknownTenantException(name);
    }
    return t;
  }

  public Optional<Tenant> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every tenant, the default one first. */
  public List<Tenant> all() {
    return List.copyOf(byName.values());
  }

  /** True when more than the default tenant is served. */
  public boolean many() {
    return byName.size() > 1;
  }

  /**
   * Whether agents of {@code from} may hand work to agents of {@code to}: always within a tenant, across tenants
   * only when {@code to} is in {@code from}'s {@code delegate-to}.
   */
  public boolean mayDelegate(String from, String to) {
    return from.equals(to) || find(from).map(t -> t.delegateTo().contains(to)).orElse(false);
  }
}
