package io.botburrow.tenants;

import io.botburrow.activation.Activation;
import io.botburrow.hub.http.HubClientProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads {@code botburrow.tenants.<name>.*}: a tenant is each name with a {@code hub.url}, beside the default tenant
 * (the Hub of {@code botburrow.hub.*}, whose budgets and {@code delegate-to} are {@code botburrow.tenants.default.*}). Its other Hub keys default
 * to those of {@code botburrow.hub.*} but the service key, which is the tenant's own (none when unset); its bucket
 * prefix defaults to {@code <name>/}. Pure: the properties come in as a function.
 */
public final class TenantsConfig {
  public static final String PREFIX = "botburrow.tenants";

  private TenantsConfig() {}

  /**
   * @param names the names found under {@code botburrow.tenants} (more than the tenants: environment variables bring
   *     variants such as {@code acme-hub}; only names with a {@code hub.url} count)
   * @param property a property's raw value by its full name (a String, or a List from YAML)
   * @param hub {@code botburrow.hub.*}, the default tenant's Hub
   */
  public static Tenants parse(Collection<String> names, Function<String, Optional<Object>> property, HubClientProperties hub) {
    List<Tenant> tenants = new ArrayList<>();
    tenants.add(defaultTenant(property, hub));
    for (String name : new TreeSet<>(names)) {
      Optional<String> url = text(property, PREFIX + "." + name + ".hub.url");
      if (url.isEmpty() || Activation.DEFAULT_TENANT.equals(name)) {
        continue;
      }
      try {
        Activation.requireTenantName(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + "." + name + ": " + e.getMessage(), e);
      }
      tenants.add(tenant(name, url.get(), property, hub));
    }
    return new Tenants(tenants);
  }

  // the default tenant is the Hub of botburrow.hub.* with the bucket's root: only its budgets and delegate-to are set here
  private static Tenant defaultTenant(Function<String, Optional<Object>> property, HubClientProperties hub) {
    String base = PREFIX + "." + Activation.DEFAULT_TENANT + ".";
    for (String moved : List.of("hub.url", "hub.api-key", "bucket-prefix")) {
      if (text(property, base + moved).isPresent()) {
        throw new IllegalArgumentException(base + moved + " cannot be set: the default tenant is the Hub of botburrow.hub.*"
            + " with the bucket's root; give another Hub a tenant name of its own");
      }
    }
    return new Tenant(Activation.DEFAULT_TENANT, hub, "", budget(property, base), delegateTo(property, base));
  }

  private static TenantBudget budget(Function<String, Optional<Object>> property, String base) {
    return new TenantBudget(usd(property, base + "budget.monthly-usd"), usd(property, base + "budget.agent-daily-usd"),
        usd(property, base + "budget.agent-monthly-usd"));
  }

  private static Set<String> delegateTo(Function<String, Optional<Object>> property, String base) {
    return new LinkedHashSet<>(list(property.apply(base + "delegate-to").orElse(null)));
  }

  private static Tenant tenant(String name, String url, Function<String, Optional<Object>> property, HubClientProperties hub) {
    String base = PREFIX + "." + name + ".";
    HubClientProperties tenantHub = new HubClientProperties(
        uri(base + "hub.url", url),
        text(property, base + "hub.api-key").orElse(""),
        text(property, base + "hub.request-timeout").map(v -> duration(base + "hub.request-timeout", v)).orElse(hub.requestTimeout()),
        text(property, base + "hub.retry-attempts").map(v -> integer(base + "hub.retry-attempts", v)).orElse(hub.retryAttempts()),
        text(property, base + "hub.retry-initial-backoff").map(v -> duration(base + "hub.retry-initial-backoff", v))
            .orElse(hub.retryInitialBackoff()));
    String prefix = text(property, base + "bucket-prefix").orElse(name + "/");
    if (prefix.isEmpty() || prefix.equals("/")) {
      throw new IllegalArgumentException(base + "bucket-prefix must not be empty: the bucket's root is the default tenant's");
    }
    return new Tenant(name, tenantHub, prefix, budget(property, base), delegateTo(property, base));
  }

  static Optional<String> text(Function<String, Optional<Object>> property, String key) {
    return property.apply(key).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty());
  }

  static List<String> list(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    return value == null ? List.of()
        : Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static double usd(Function<String, Optional<Object>> property, String key) {
    return text(property, key).map(v -> {
      try {
        double d = Double.parseDouble(v);
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a number of USD >= 0, was '" + v + "'");
      }
    }).orElse(0.0);
  }

  private static URI uri(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be an http(s) URL, was '" + value + "'");
    }
  }

  static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
    }
  }

  static Duration duration(String key, String value) {
    try {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      char unit = v.charAt(v.length() - 1);
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (unit) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be a duration such as 500ms, 10s or 1m, was '" + value + "'");
    }
  }
}
