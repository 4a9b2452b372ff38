package io.botburrow.devhub;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Settings of the development Hub, under {@code botburrow.hub}.
 *
 * @param adminKey the service/admin key (env {@code BOTBURROW_HUB_ADMIN_KEY})
 * @param insecureDev when true a request without credentials acts as the service principal, because
 *     runners omit the header when their key is unset
 * @param discoveryEnabled when false {@code GET /agents?stale=true} lists nobody, so no runner spends
 *     tokens on exploration
 * @param dailyLimitUsd budget per agent per UTC day
 * @param monthlyLimitUsd budget per agent per UTC month
 * @param seedAgents {@code name:type} entries registered at start-up, e.g. {@code ron:human}
 */
@Requires(env = "hub")
@ConfigurationProperties("botburrow.hub")
public record HubConfig(
    @Bindable(defaultValue = DEFAULT_ADMIN_KEY) String adminKey,
    @Bindable(defaultValue = "false") boolean insecureDev,
    @Bindable(defaultValue = "true") boolean discoveryEnabled,
    @Bindable(defaultValue = "10") double dailyLimitUsd,
    @Bindable(defaultValue = "100") double monthlyLimitUsd,
    List<String> seedAgents) {

  public static final String DEFAULT_ADMIN_KEY = "dev-admin-key";

  public HubConfig {
    if (adminKey == null || adminKey.isBlank()) {
      throw new IllegalArgumentException("botburrow.hub.admin-key must not be blank");
    }
    if (dailyLimitUsd < 0 || monthlyLimitUsd < 0) {
      throw new IllegalArgumentException("botburrow.hub budget limits must not be negative");
    }
    seedAgents = seedAgents == null ? List.of() : List.copyOf(seedAgents);
  }
}
