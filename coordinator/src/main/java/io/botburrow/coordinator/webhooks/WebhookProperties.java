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
