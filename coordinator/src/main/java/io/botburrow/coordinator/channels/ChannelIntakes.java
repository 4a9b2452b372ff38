package io.botburrow.coordinator.channels;

import io.botburrow.activation.Activation;
import io.botburrow.channels.ChannelAdapters;
import io.botburrow.coordinator.ingress.TenantIngresses;
import io.botburrow.tenants.TenantChannels;
import io.botburrow.tenants.TenantHubs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The {@link ChannelIntake} of each tenant: messages from a tenant's own Slack or Discord app go to that tenant's
 * agents (its definitions' {@code channels:} entries), become work carrying the tenant, and get their reaction or
 * refusal through the tenant's app. The default tenant's is the deployment's intake.
 */
public final class ChannelIntakes {
  private final ChannelIntake defaultIntake;
  private final TenantIngresses ingresses;
  private final TenantChannels apps;
  private final TenantHubs hubs;
  private final MeterRegistry registry;
  private final Executor background;
  private final Clock clock;
  private final Map<String, ChannelIntake> byTenant = new ConcurrentHashMap<>();

  ChannelIntakes(ChannelIntake defaultIntake, TenantIngresses ingresses, TenantChannels apps, TenantHubs hubs,
      MeterRegistry registry, Executor background, Clock clock) {
    this.defaultIntake = defaultIntake;
    this.ingresses = ingresses;
    this.apps = apps;
    this.hubs = hubs;
    this.registry = registry;
    this.background = background;
    this.clock = clock;
  }

  /** The intake of {@code tenant}; empty when this deployment does not serve it. */
  public Optional<ChannelIntake> of(String tenant) {
    if (Activation.DEFAULT_TENANT.equals(tenant)) {
      return Optional.of(defaultIntake);
    }
    if (!apps.serves(tenant)) {
      return Optional.empty();
    }
    return ingresses.of(tenant).map(scope -> byTenant.computeIfAbsent(tenant, name -> {
      TenantChannels.Apps own = apps.of(name);
      return new ChannelIntake(new ChannelDirectory(scope.definitions(), clock, ChannelsFactory.DIRECTORY_REFRESH),
          scope.ingress(), ChannelAdapters.sending(hubs.hub(name), own.slack(), own.discord(), clock), registry,
          background, ChannelsFactory.DEDUP, own.slack().reaction(), own.discord().reaction());
    }));
  }

  /** The tenant's Slack and Discord apps (nothing set for a tenant not served here). */
  public TenantChannels.Apps apps(String tenant) {
    return apps.of(tenant);
  }

  /**
   * Counts a delivery to a route of no tenant served here: under tenant {@code -}, so that made-up names in request
   * paths do not become label values.
   */
  void countUnknown(String platform, String result) {
    ChannelIntake.count(registry, "-", platform, "-", result);
  }
}
