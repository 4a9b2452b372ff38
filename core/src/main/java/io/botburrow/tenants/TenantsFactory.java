package io.botburrow.tenants;

import io.botburrow.hub.http.HubClientProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tenants of {@code botburrow.tenants.<name>.*} beside the default one of {@code botburrow.hub.*}. */
@Factory
public class TenantsFactory {
  private static final Logger LOG = LoggerFactory.getLogger(TenantsFactory.class);

  @Singleton
  Tenants tenants(Environment env, HubClientProperties hub) {
    Tenants tenants = TenantsConfig.parse(env.getPropertyEntries(TenantsConfig.PREFIX),
        key -> env.getProperty(key, Object.class), hub);
    if (tenants.many()) {
      // names and URLs only: the service keys stay out of the log
      tenants.all().forEach(t -> LOG.info("Tenant(name={}) Hub {}, definitions under '{}', delegates to {}", t.name(),
          t.hub().url(), t.bucketPrefix(), t.delegateTo()));
    }
    return tenants;
  }

  @Singleton
  TenantChannels tenantChannels(Environment env, Tenants tenants, io.botburrow.channels.slack.SlackProperties slack,
      io.botburrow.channels.discord.DiscordProperties discord) {
    TenantChannels channels = TenantChannels.parse(tenants, key -> env.getProperty(key, Object.class), slack, discord);
    for (Tenant t : tenants.all()) {
      TenantChannels.Apps apps = channels.of(t.name());
      if (!t.isDefault() && (apps.slack().signingSecret() != null || apps.slack().botToken() != null
          || apps.discord().publicKey() != null || apps.discord().botToken() != null)) {
        // which apps are set, never their secrets
        LOG.info("Tenant(name={}) Slack {}, Discord {}", t.name(), apps.slack(), apps.discord());
      }
    }
    return channels;
  }

  @Singleton
  TenantHubs tenantHubs(Tenants tenants, io.botburrow.hub.HubClient defaultHub,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    return new TenantHubs(tenants, defaultHub, t -> new io.botburrow.hub.http.HttpHubClient(t.hub(), json));
  }
}
