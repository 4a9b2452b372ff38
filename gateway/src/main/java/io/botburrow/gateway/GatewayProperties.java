package io.botburrow.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code botburrow.gateway.*}: the LLM gateway's own settings (deployments and aliases are {@code
 * botburrow.gateway.deployments.*} and {@code botburrow.gateway.models.*}).
 *
 * @param port HTTP port of the OpenAI/Anthropic-compatible front; 0 picks one, -1 (the runner's
 *     default) serves none
 * @param bind address the front listens on
 * @param tokenSecret HMAC secret of activation tokens, shared by runners and gateways; a runner without
 *     one makes a random one (its tokens then work only on its embedded gateway)
 * @param defaultTenant tenant of callers whose token names none
 * @param maxBodyBytes larger requests are refused with 413
 * @param maxRetryWait a {@code Retry-After} up to this is waited out on the same deployment
 * @param cooldown first rest of a failing deployment (doubling per further failure)
 * @param maxCooldown longest rest
 * @param cooldownRefresh how long this process trusts what it last read of the rests other gateways and
 *     runners share through Redis
 * @param connectTimeout TCP/TLS connect timeout to providers
 * @param pricesFile operator's price table, overriding and adding to the built-in one
 * @param activationTokens tokens per activation when the agent sets no {@code max_tokens_per_activation}
 * @param activationUsd USD per activation (0: no limit)
 * @param agentDailyUsd USD per agent per UTC day (0: no limit)
 * @param agentMonthlyUsd USD per agent per UTC month (0: no limit)
 * @param tenantMonthlyUsd USD per tenant per UTC month (0: no limit)
 * @param budgetStore {@code redis} (shared by all runners and gateways) or {@code memory}
 * @param streamIdleTimeout a provider's stream that sends nothing for this long once it began is cut (a
 *     fallback follows when no token had been passed on yet)
 * @param meterTokens whether this gateway counts {@code botburrow_tokens_total}; by default a standalone
 *     gateway does and a runner's does not (the runner counts its activations' tokens itself)
 */
@ConfigurationProperties("botburrow.gateway")
public record GatewayProperties(
    @Bindable(defaultValue = "-1") int port,
    @Bindable(defaultValue = "127.0.0.1") String bind,
    @Nullable String tokenSecret,
    @Bindable(defaultValue = "default") String defaultTenant,
    @Bindable(defaultValue = "4194304") int maxBodyBytes,
    @Bindable(defaultValue = "5s") Duration maxRetryWait,
    @Bindable(defaultValue = "60s") Duration cooldown,
    @Bindable(defaultValue = "1h") Duration maxCooldown,
    @Bindable(defaultValue = "1s") Duration cooldownRefresh,
    @Bindable(defaultValue = "10s") Duration connectTimeout,
    @Nullable Path pricesFile,
    @Bindable(defaultValue = "100000") long activationTokens,
    @Bindable(defaultValue = "0") double activationUsd,
    @Bindable(defaultValue = "0") double agentDailyUsd,
    @Bindable(defaultValue = "0") double agentMonthlyUsd,
    @Bindable(defaultValue = "0") double tenantMonthlyUsd,
    @Bindable(defaultValue = "redis") String budgetStore,
    @Bindable(defaultValue = "60s") Duration streamIdleTimeout,
    @Nullable Boolean meterTokens) {

  @Override
  public String toString() {
    return "GatewayProperties[port=" + port + ", tokenSecret=" + (tokenSecret == null ? "none" : "***") + "]";
  }
}
