package io.botburrow.tenants;

import io.botburrow.activation.Activation;
import io.botburrow.channels.discord.DiscordProperties;
import io.botburrow.channels.slack.SlackProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Slack and Discord apps of each tenant. The default tenant's are {@code botburrow.channels.slack.*} and
 * {@code botburrow.channels.discord.*}; tenant {@code <t>}'s are the same keys under
 * {@code botburrow.tenants.<t>.channels.*}. A tenant's secrets (signing secret, tokens, public key) are its own and
 * never fall back to the default tenant's, as its Hub's service key does not; its other settings (API URLs,
 * reactions, time-outs) default to the deployment's. Immutable.
 */
public final class TenantChannels {
  // every key a tenant's apps have: none of them may be set for the default tenant
  private static final List<String> KEYS = List.of("slack.signing-secret", "slack.bot-token", "slack.app-token",
      "slack.base-url", "slack.reaction", "slack.timeout", "slack.reconnect-delay", "discord.public-key",
      "discord.bot-token", "discord.api-base-url", "discord.gateway-url", "discord.gateway", "discord.intents",
      "discord.reconnect-delay", "discord.reaction", "discord.timeout");

  /** One tenant's apps: either may have nothing set (then that platform is off for the tenant). */
  public record Apps(SlackProperties slack, DiscordProperties discord) {
    public static final Apps NONE = new Apps(SlackProperties.none(), DiscordProperties.none());
  }

  private final Map<String, Apps> byTenant;

  private TenantChannels(Map<String, Apps> byTenant) {
    this.byTenant = Map.copyOf(byTenant);
  }

  /** The deployment's apps, for the default tenant only. */
  public static TenantChannels single(SlackProperties slack, DiscordProperties discord) {
    return new TenantChannels(Map.of(Activation.DEFAULT_TENANT, new Apps(slack, discord)));
  }

  /**
   * @param property a property's raw value by its full name
   * @param slack {@code botburrow.channels.slack.*}: the default tenant's app, and every tenant's defaults
   * @param discord {@code botburrow.channels.discord.*}, likewise
   * @throws IllegalArgumentException for {@code botburrow.tenants.default.channels.*} (the default tenant's apps are
   *     {@code botburrow.channels.*}) or a value that does not parse, naming the property
   */
  public static TenantChannels parse(
      Tenants tenants, Function<String, Optional<Object>> property, SlackProperties slack, DiscordProperties discord) {
    Map<String, Apps> all = new LinkedHashMap<>();
    for (Tenant t : tenants.all()) {
      String base = TenantsConfig.PREFIX + "." + t.name() + ".channels.";
      if (t.isDefault()) {
        for (String key : KEYS) {
          if (TenantsConfig.text(property, base + key).isPresent()) {
            throw new IllegalArgumentException(base + key + " cannot be set: the default tenant's Slack and Discord apps"
                + " are botburrow.channels.*");
          }
        }
        all.put(t.name(), new Apps(slack, discord));
      } else {
        all.put(t.name(), new Apps(slack(property, base + "slack.", slack), discord(property, base + "discord.", discord)));
      }
    }
    return new TenantChannels(all);
  }

  private static SlackProperties slack(Function<String, Optional<Object>> property, String base, SlackProperties d) {
    return new SlackProperties(
        TenantsConfig.text(property, base + "signing-secret").orElse(null),
        TenantsConfig.text(property, base + "bot-token").orElse(null),
        TenantsConfig.text(property, base + "app-token").orElse(null),
        TenantsConfig.text(property, base + "base-url").map(v -> uri(base + "base-url", v)).orElse(d.baseUrl()),
        TenantsConfig.text(property, base + "reaction").orElse(d.reaction()),
        TenantsConfig.text(property, base + "timeout").map(v -> TenantsConfig.duration(base + "timeout", v)).orElse(d.timeout()),
        TenantsConfig.text(property, base + "reconnect-delay").map(v -> TenantsConfig.duration(base + "reconnect-delay", v))
            .orElse(d.reconnectDelay()));
  }

  private static DiscordProperties discord(Function<String, Optional<Object>> property, String base, DiscordProperties d) {
    String publicKey = TenantsConfig.text(property, base + "public-key").orElse(null);
    try {
      return new DiscordProperties(
          publicKey,
          TenantsConfig.text(property, base + "bot-token").orElse(null),
          TenantsConfig.text(property, base + "api-base-url").map(v -> uri(base + "api-base-url", v)).orElse(d.apiBaseUrl()),
          TenantsConfig.text(property, base + "gateway-url").map(v -> uri(base + "gateway-url", v)).orElse(d.gatewayUrl()),
          TenantsConfig.text(property, base + "gateway").map(Boolean::parseBoolean).orElse(d.gateway()),
          TenantsConfig.text(property, base + "intents").map(v -> TenantsConfig.integer(base + "intents", v)).orElse(d.intents()),
          TenantsConfig.text(property, base + "reconnect-delay").map(v -> TenantsConfig.duration(base + "reconnect-delay", v))
              .orElse(d.reconnectDelay()),
          TenantsConfig.text(property, base + "reaction").orElse(d.reaction()),
          TenantsConfig.text(property, base + "timeout").map(v -> TenantsConfig.duration(base + "timeout", v)).orElse(d.timeout()));
    } catch (IllegalArgumentException e) {
      // the one check DiscordProperties makes itself: the public key must be a valid Ed25519 key
      throw new IllegalArgumentException(base + "public-key: " + e.getMessage(), e);
    }
  }

  /**
   * The property that sets {@code key} (such as {@code slack.signing-secret}) for {@code tenant}'s apps:
   * {@code botburrow.channels.<key>} for the default tenant, {@code botburrow.tenants.<t>.channels.<key>} for another.
   */
  public static String property(String tenant, String key) {
    return (Activation.DEFAULT_TENANT.equals(tenant) ? "botburrow." : TenantsConfig.PREFIX + "." + tenant + ".")
        + "channels." + key;
  }

  /** The apps of {@code tenant}; none for a tenant this deployment does not serve. */
  public Apps of(String tenant) {
    return byTenant.getOrDefault(tenant, Apps.NONE);
  }

  /** Whether {@code tenant} is served here (it may still have no app set). */
  public boolean serves(String tenant) {
    return byTenant.containsKey(tenant);
  }

  private static URI uri(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " must be a URL, was '" + value + "'");
    }
  }

  // only which tenants have which app: no secret
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("TenantChannels[");
    byTenant.forEach((name, apps) -> out.append(name).append("=").append(apps.slack()).append(" ").append(apps.discord()).append("; "));
    return out.append("]").toString();
  }
}
