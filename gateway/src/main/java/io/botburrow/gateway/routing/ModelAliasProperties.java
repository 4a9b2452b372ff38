package io.botburrow.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * {@code botburrow.gateway.models.<alias>.deployments}: the deployments that serve a model name, tried
 * in order. Agents name aliases in {@code brain.model} and {@code brain.fallback_models}.
 */
@EachProperty("botburrow.gateway.models")
public record ModelAliasProperties(@Parameter String name, List<String> deployments) {}
