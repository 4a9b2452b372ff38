package io.botburrow.coordinator.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Webhook ingress ({@code POST /hooks/<agent>/<name>}) on every coordinator replica.
 *
 * @param maxBodySize largest accepted body in bytes; larger ones get 413
 * @param timestampTolerance how far a sender's timestamp may be from now (schemes that send one)
 * @param dedupWindow how long a delivery id is remembered
 * @param allowedSecretEnvs environment variables a definition's {@code secret_env} may name: exact
 *     names or {@code *} patterns; anything else is refused, so a definition cannot point a webhook at
 *     one of the coordinator's other secrets
 */
@ConfigurationProperties("botburrow.webhooks")
public record WebhookProperties(
    @Bindable(defaultValue = "262144") int maxBodySize,
    @Bindable(defaultValue = "5m") Duration timestampTolerance,
    @Bindable(defaultValue = "24h") Duration dedupWindow,
    @Bindable(defaultValue = "*_WEBHOOK_SECRET,WEBHOOK_SECRET_*") List<String> allowedSecretEnvs) {

  public WebhookProperties {
    if (maxBodySize < 1) {
      throw new IllegalArgumentException("botburrow.webhooks.max-body-size must be positive");
    }
    allowedSecretEnvs = allowedSecretEnvs == null ? List.of() : List.copyOf(allowedSecretEnvs);
  }

  public static WebhookProperties defaults() {
    return new WebhookProperties(262_144, Duration.ofMinutes(5), Duration.ofHours(24),
        List.of("*_WEBHOOK_SECRET", "WEBHOOK_SECRET_*"));
  }

  /**
   * The environment variable holding the secret of a webhook of {@code tenant} whose definition names
   * {@code secretEnv}; empty when the definition may not name it. The name must be allowed
   * ({@link #allowsSecretEnv}). The default tenant reads {@code secretEnv} itself, which may not start with
   * {@code TENANT_}; another tenant reads {@code TENANT_<TENANT>__<secretEnv>} ({@code <TENANT>} is the tenant's name
   * upper-cased, dashes as underscores), and {@code secretEnv} may not hold {@code __} or start with {@code _}. So no definition can point a
   * webhook at another tenant's secret, and a secret of one tenant never starts work in another.
   */
  public java.util.Optional<String> secretVariable(String tenant, String secretEnv) {
    if (secretEnv == null || !allowsSecretEnv(secretEnv)) {
      return java.util.Optional.empty();
    }
    if (io.botburrow.activation.Activation.DEFAULT_TENANT.equals(tenant)) {
      return secretEnv.startsWith("TENANT_") ? java.util.Optional.empty() : java.util.Optional.of(secretEnv);
    }
    // neither "__" nor a leading "_": the variable's last "__" then ends the tenant's prefix, so no two tenants share one
    if (secretEnv.contains("__") || secretEnv.startsWith("_")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(tenantSecretPrefix(tenant) + secretEnv);
  }

  /** {@code TENANT_<TENANT>__}: where the webhook secrets of {@code tenant} live in the environment. */
  public static String tenantSecretPrefix(String tenant) {
    return "TENANT_" + io.botburrow.activation.Activation.requireTenantName(tenant).toUpperCase(java.util.Locale.ROOT)
        .replace('-', '_') + "__";
  }

  /** Whether a definition may name {@code variable} as its secret. */
  public boolean allowsSecretEnv(String variable) {
    for (String pattern : allowedSecretEnvs) {
      String p = pattern.trim();
      if (p.equals(variable)
          || (p.startsWith("*") && variable.endsWith(p.substring(1)))
          || (p.endsWith("*") && variable.startsWith(p.substring(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
