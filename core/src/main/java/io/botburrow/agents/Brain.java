package io.botburrow.agents;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model an agent thinks with.
 *
 * @param provider {@code anthropic} (default), {@code openai}, {@code google} or {@code local}
 * @param model model identifier, required
 * @param apiBase OpenAI-compatible base URL, or null to use the provider's default
 * @param apiKeyEnv name of the environment variable holding the key ({@code ^[A-Z][A-Z0-9_]*$}), or null
 * @param temperature 0 to 2, default 0.7
 * @param maxTokens 100 to 128000, default 4096
 * @param fallbackModels models to try, in order, when {@code model} fails (runtime extension
 *     {@code brain.fallback_models}); empty by default
 */
public record Brain(
    String provider,
    String model,
    String apiBase,
    String apiKeyEnv,
    double temperature,
    int maxTokens,
    List<String> fallbackModels) {

  public static final String DEFAULT_PROVIDER = "anthropic";
  public static final double DEFAULT_TEMPERATURE = 0.7;
  public static final int DEFAULT_MAX_TOKENS = 4096;
  public static final List<String> PROVIDERS = List.of("anthropic", "openai", "google", "local");
  private static final Pattern ENV_NAME = Pattern.compile("^[A-Z][A-Z0-9_]*$");

  public Brain {
    provider = Checks.oneOf("provider", provider == null ? DEFAULT_PROVIDER : provider, PROVIDERS);
    Checks.required("model", model);
    if (apiBase != null && apiBase.isBlank()) {
      apiBase = null;
    }
    if (apiKeyEnv != null) {
      Checks.matches("api_key_env", apiKeyEnv, ENV_NAME);
    }
    Checks.range("temperature", temperature, 0.0, 2.0);
    Checks.range("max_tokens", maxTokens, 100, 128_000);
    fallbackModels = Checks.copy(fallbackModels);
  }

  /** A brain with every default applied: {@code anthropic}, temperature 0.7, 4096 tokens. */
  public static Brain of(String model) {
    return new Brain(DEFAULT_PROVIDER, model, null, null, DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, List.of());
  }

  /** Same brain talking to {@code provider} at {@code apiBase} with the key in {@code apiKeyEnv}. */
  public Brain withEndpoint(String newProvider, String newApiBase, String newApiKeyEnv) {
    return new Brain(newProvider, model, newApiBase, newApiKeyEnv, temperature, maxTokens, fallbackModels);
  }

  /** Every model to try, the primary first. */
  public List<String> modelChain() {
    return Stream.concat(Stream.of(model), fallbackModels.stream())
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }
}
