package io.botburrow.runner.llm;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The endpoints agents may use and the key variables each may receive, from the runner's
 * configuration only. Built in: {@code openai} ({@code OPENAI_BASE_URL} when set, else {@code
 * botburrow.llm.openai-base-url}; key {@code OPENAI_API_KEY}) and {@code anthropic} ({@code
 * botburrow.llm.anthropic-base-url}; key {@code ANTHROPIC_API_KEY}) and {@code gemini} (Google's
 * Generative Language API; key {@code GEMINI_API_KEY}); {@code botburrow.llm.endpoints.<name>}
 * adds endpoints or replaces these. Pure once built.
 */
public final class AllowedEndpoints {
  static final URI OFFICIAL_OPENAI = URI.create("https://api.openai.com/v1");
  static final URI OFFICIAL_ANTHROPIC = URI.create("https://api.anthropic.com");
  static final URI OFFICIAL_GEMINI = URI.create("https://generativelanguage.googleapis.com/v1beta");
  private final Map<String, AllowedEndpoint> byName;

  private AllowedEndpoints(Map<String, AllowedEndpoint> byName) {
    this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /**
   * @param env the runner's environment, for {@code OPENAI_BASE_URL}
   * @throws IllegalArgumentException when an endpoint is configured wrongly (at start-up)
   */
  public static AllowedEndpoints from(LlmProperties props, List<LlmEndpointProperties> configured, Function<String, String> env) {
    Map<String, AllowedEndpoint> all = new LinkedHashMap<>();
    String openaiFromEnv = env.apply("OPENAI_BASE_URL");
    URI openaiUrl = openaiFromEnv == null || openaiFromEnv.isBlank() ? props.openaiBaseUrl() : URI.create(openaiFromEnv.strip());
    all.put("openai", new AllowedEndpoint("openai", "openai", openaiUrl, List.of("OPENAI_API_KEY")));
    all.put("anthropic", new AllowedEndpoint("anthropic", "anthropic", props.anthropicBaseUrl(), List.of("ANTHROPIC_API_KEY")));
    all.put("gemini", new AllowedEndpoint("gemini", "gemini", OFFICIAL_GEMINI, List.of("GEMINI_API_KEY")));
    for (LlmEndpointProperties c : configured) {
      AllowedEndpoint builtIn = all.get(c.name());
      String provider = c.provider() != null ? c.provider() : builtIn != null ? builtIn.provider()
          : "anthropic".equals(c.name()) || "gemini".equals(c.name()) ? c.name() : "openai";
      URI url = c.url() != null ? c.url() : builtIn != null ? builtIn.url() : null;
      List<String> keys = c.apiKeyEnvs() != null ? c.apiKeyEnvs() : builtIn != null ? builtIn.keyEnvs() : List.of();
      all.put(c.name(), new AllowedEndpoint(c.name(), provider, url, keys));
    }
    return new AllowedEndpoints(all);
  }

  public static AllowedEndpoints of(List<AllowedEndpoint> endpoints) {
    Map<String, AllowedEndpoint> all = new LinkedHashMap<>();
    endpoints.forEach(e -> all.put(e.name(), e));
    return new AllowedEndpoints(all);
  }

  public Optional<AllowedEndpoint> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The endpoint an agent's {@code api_base} names. The official OpenAI and Anthropic URLs stand for the
   * built-in endpoints, wherever the operator pointed those.
   */
  public Optional<AllowedEndpoint> serving(URI apiBase) {
    for (AllowedEndpoint e : byName.values()) {
      if (e.serves(apiBase)) {
        return Optional.of(e);
      }
    }
    if (AllowedEndpoint.normalize(apiBase).equals(AllowedEndpoint.normalize(OFFICIAL_OPENAI))) {
      return named("openai");
    }
    if (AllowedEndpoint.normalize(apiBase).equals(AllowedEndpoint.normalize(OFFICIAL_ANTHROPIC))
        || AllowedEndpoint.normalize(apiBase).equals(AllowedEndpoint.normalize(URI.create(OFFICIAL_ANTHROPIC + "/v1")))) {
      return named("anthropic");
    }
    return Optional.empty();
  }

  public Set<String> names() {
    return new LinkedHashSet<>(byName.keySet());
  }

  /** Every variable whose value some endpoint may receive: the provider keys the runner holds. */
  public Set<String> keyVariables() {
    Set<String> vars = new LinkedHashSet<>();
    byName.values().forEach(e -> vars.addAll(e.keyEnvs()));
    return vars;
  }

  public List<AllowedEndpoint> all() {
    return new ArrayList<>(byName.values());
  }
}
