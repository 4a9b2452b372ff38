package io.botburrow.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach one LLM provider.
 *
 * @param provider wire format: {@code openai} (OpenAI, Ollama, vLLM, llama.cpp, gateways) or {@code
 *     anthropic} or {@code gemini}; {@code local} is accepted as an alias of {@code openai}, {@code google} of
 *     {@code gemini}
 * @param baseUrl e.g. {@code https://api.openai.com/v1}, {@code http://127.0.0.1:11434/v1} or {@code
 *     https://api.anthropic.com}
 * @param apiKey secret key, or null/blank when the server needs none (never printed by {@link #toString()})
 * @param timeout how long one HTTP request may take
 */
public record LlmEndpoint(String provider, URI baseUrl, String apiKey, Duration timeout) {
  public static final String OPENAI = "openai";
  public static final String ANTHROPIC = "anthropic";
  public static final String GEMINI = "gemini";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  public LlmEndpoint {
    Objects.requireNonNull(provider, "provider");
    provider = provider.trim().toLowerCase(Locale.ROOT);
    if (provider.equals("local")) {
      provider = OPENAI;
    }
    if (provider.equals("google")) {
      provider = GEMINI;
    }
    if (!provider.equals(OPENAI) && !provider.equals(ANTHROPIC) && !provider.equals(GEMINI)) {
      throw new IllegalArgumentException("unsupported LLM provider: " + provider + " (openai|anthropic|gemini)");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("LLM base URL must be http(s): " + baseUrl);
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /** An endpoint at the provider's public base URL when {@code baseUrl} is null. */
  public static LlmEndpoint of(String provider, URI baseUrl, String apiKey) {
    var resolved = baseUrl != null ? baseUrl : defaultBaseUrl(provider);
    return new LlmEndpoint(provider, resolved, apiKey, DEFAULT_TIMEOUT);
  }

  public static URI defaultBaseUrl(String provider) {
    return switch (provider.trim().toLowerCase(Locale.ROOT)) {
      case ANTHROPIC -> URI.create("https://api.anthropic.com");
      case OPENAI -> URI.create("https://api.openai.com/v1");
      case GEMINI, "google" -> URI.create("https://generativelanguage.googleapis.com/v1beta");
      default -> throw new IllegalArgumentException("no default base URL for provider " + provider);
    };
  }

  public LlmEndpoint withTimeout(Duration newTimeout) {
    return new LlmEndpoint(provider, baseUrl, apiKey, newTimeout);
  }

  public boolean hasApiKey() {
    return apiKey != null;
  }

  /** Identifies the endpoint for circuit breakers, logs and metrics; never includes the key. */
  public String name() {
    return provider + ":" + baseUrl;
  }

  /** The request URI for {@code path} below the base URL (tolerates a trailing slash). */
  public URI resolve(String path) {
    var base = baseUrl.toString();
    var trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(trimmed + (path.startsWith("/") ? path : "/" + path));
  }

  @Override
  public String toString() {
    return "LlmEndpoint[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
        + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + "]";
  }
}
