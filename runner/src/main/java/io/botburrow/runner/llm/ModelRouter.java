package io.botburrow.runner.llm;

import io.botburrow.agents.Brain;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.llm.LlmException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Decides, from an agent's brain and the runner's settings, which endpoint and key serve it. Agents
 * choose provider and model; endpoints and the variables holding keys come from the operator only
 * ({@link AllowedEndpoints}). A key is only ever sent to an endpoint the operator associated it with:
 * a brain naming another {@code api_base} or {@code api_key_env} is refused before any call.
 *
 * <p>With {@code botburrow.llm.override-base-url} every agent goes to that endpoint with the override
 * key, and the brain's {@code api_base} and {@code api_key_env} are ignored.
 */
public final class ModelRouter {
  private static final String SOURCE = "config.yaml";
  private final LlmProperties props;
  private final AllowedEndpoints endpoints;
  private final Function<String, String> env;

  /** @param env looks up the runner's environment (keys live there, never in configs) */
  public ModelRouter(LlmProperties props, AllowedEndpoints endpoints, Function<String, String> env) {
    this.props = props;
    this.endpoints = endpoints;
    this.env = env;
  }

  /** Only the built-in endpoints. */
  public ModelRouter(LlmProperties props, Function<String, String> env) {
    this(props, AllowedEndpoints.from(props, List.of(), env), env);
  }

  public AllowedEndpoints endpoints() {
    return endpoints;
  }

  /**
   * @throws InvalidAgentDefinitionException (not retryable) when the brain names an endpoint or key
   *     variable the operator does not allow, or a provider no endpoint serves
   * @throws LlmException (not retryable) when a hosted provider's key is missing on the runner
   */
  public ModelRoute route(Brain brain) {
    if (props.overrideBaseUrl() != null) {
      String model = blank(props.overrideModel()) ? brain.model() : props.overrideModel();
      return new ModelRoute(props.overrideProvider(), props.overrideBaseUrl(), orEmpty(props.overrideApiKey()), model);
    }
    String wire = wire(brain.provider());
    AllowedEndpoint endpoint = blank(brain.apiBase()) ? defaultEndpoint(brain.provider()) : chosenEndpoint(brain.apiBase());
    if (!endpoint.provider().equals(wire)) {
      throw refused("brain.provider", "provider " + brain.provider() + " cannot use endpoint '" + endpoint.name()
          + "', which speaks " + endpoint.provider());
    }
    String keyEnv = keyVariable(brain, endpoint);
    String key = keyEnv == null ? "" : orEmpty(env.apply(keyEnv));
    if (key.isEmpty() && hosted(endpoint.url())) {
      throw new LlmException("no API key for endpoint '" + endpoint.name() + "': set "
          + (keyEnv == null ? "botburrow.llm.endpoints." + endpoint.name() + ".api-key-envs" : "the environment variable " + keyEnv)
          + " on the runner", 401, false, null);
    }
    return new ModelRoute(wire, endpoint.url(), key, brain.model());
  }

  private static String wire(String provider) {
    return switch (provider) {
      case "openai", "local" -> "openai";
      case "anthropic" -> "anthropic";
      case "google", "gemini" -> "gemini";
      default -> throw refused("brain.provider", "provider '" + provider + "' is not supported by this runner (use openai, local, anthropic or google)");
    };
  }

  private AllowedEndpoint defaultEndpoint(String provider) {
    String name = "local".equals(provider) && endpoints.named("local").isPresent() ? "local" : wire(provider);
    return endpoints.named(name).orElseThrow(() -> refused("brain.provider", "this runner has no endpoint for provider " + provider));
  }

  private AllowedEndpoint chosenEndpoint(String apiBase) {
    URI uri;
    try {
      uri = URI.create(apiBase.strip());
    } catch (IllegalArgumentException e) {
      throw refused("brain.api_base", "is not a URL");
    }
    return endpoints.serving(uri).orElseThrow(() -> refused("brain.api_base", apiBase.strip()
        + " is not an endpoint this runner allows; allowed endpoints: " + String.join(", ", endpoints.names())
        + " (an operator adds one under botburrow.llm.endpoints)"));
  }

  private static String keyVariable(Brain brain, AllowedEndpoint endpoint) {
    if (blank(brain.apiKeyEnv())) {
      return endpoint.keyEnvs().isEmpty() ? null : endpoint.keyEnvs().get(0);
    }
    if (!endpoint.keyEnvs().contains(brain.apiKeyEnv())) {
      throw refused("brain.api_key_env", brain.apiKeyEnv() + " is not a key variable this runner sends to endpoint '"
          + endpoint.name() + "'" + (endpoint.keyEnvs().isEmpty() ? " (it takes no key)" : "; allowed: " + String.join(", ", endpoint.keyEnvs())));
    }
    return brain.apiKeyEnv();
  }

  private static boolean hosted(URI base) {
    String host = base.getHost();
    return host != null && (host.endsWith("openai.com") || host.endsWith("anthropic.com") || host.endsWith("googleapis.com"));
  }

  private static InvalidAgentDefinitionException refused(String field, String problem) {
    return new InvalidAgentDefinitionException(SOURCE, field, problem, null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
