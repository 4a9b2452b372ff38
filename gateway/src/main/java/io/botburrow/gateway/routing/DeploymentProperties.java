package io.botburrow.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code botburrow.gateway.deployments.<name>.*}: one place a model is served, as the operator
 * configured it ({@code config/gateway.yml}).
 *
 * @param provider {@code openai} (and compatible servers), {@code anthropic} or {@code gemini}
 * @param url base URL; the provider's public one when unset
 * @param model the model name at that endpoint
 * @param apiKeyEnv the gateway's environment variable holding the key; none when unset
 * @param timeout time to the start of the answer (default 120 s)
 * @param rpm requests per minute on this key across all gateways (0: no limit)
 * @param tpm tokens per minute on this key across all gateways (0: no limit)
 */
@EachProperty("botburrow.gateway.deployments")
public record DeploymentProperties(
    @Parameter String name,
    @Nullable String provider,
    @Nullable URI url,
    @Nullable String model,
    @Nullable String apiKeyEnv,
    @Nullable Duration timeout,
    @Nullable Integer rpm,
    @Nullable Long tpm) {}
