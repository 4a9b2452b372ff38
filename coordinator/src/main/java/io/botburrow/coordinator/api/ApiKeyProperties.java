package io.botburrow.coordinator.api;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * {@code botburrow.api.keys.<name>.*}: a scoped key of the agent API. The key itself stays in the
 * coordinator's environment, in the variable {@code key-env}.
 *
 * @param name the key's name (shown in logs, never the key)
 * @param keyEnv environment variable holding the key
 * @param scopes any of {@code messages:write}, {@code tasks:read}, {@code tasks:cancel}, {@code agents:read}
 * @param agents agents it may address; {@code *} for all (the default)
 * @param tenant the one tenant whose agents it may address ({@code default}, the default); an API key never starts or
 *     reads work of another tenant
 */
@EachProperty("botburrow.api.keys")
public record ApiKeyProperties(
    @Parameter String name, String keyEnv, @Nullable List<String> scopes, @Nullable List<String> agents,
    @Nullable String tenant) {}
