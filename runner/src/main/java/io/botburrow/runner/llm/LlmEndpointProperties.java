package io.botburrow.runner.llm;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;

/**
 * {@code botburrow.llm.endpoints.<name>.*}: a model endpoint the operator allows agents to use, and the
 * only key variables the runner may send to it. An agent picks one by naming its URL in {@code
 * brain.api_base}, and one of its key variables in {@code brain.api_key_env}.
 *
 * @param name the endpoint's name; {@code openai}, {@code anthropic} and {@code local} are also what
 *     agents without {@code api_base} get for those providers (the first two are built in)
 * @param url base URL; for {@code openai} and {@code anthropic} it defaults to the built-in one
 * @param provider wire format, {@code openai} or {@code anthropic}; defaults to the name when that is a
 *     provider, else {@code openai}
 * @param apiKeyEnvs runner variables whose value may be sent to this endpoint as its key, the default
 *     first; empty sends no key. For {@code openai}/{@code anthropic} it defaults to {@code
 *     OPENAI_API_KEY}/{@code ANTHROPIC_API_KEY}
 */
@EachProperty("botburrow.llm.endpoints")
public record LlmEndpointProperties(
    @Parameter String name, @Nullable URI url, @Nullable String provider, @Nullable List<String> apiKeyEnvs) {}
