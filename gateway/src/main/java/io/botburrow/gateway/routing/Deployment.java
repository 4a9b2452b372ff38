package io.botburrow.gateway.routing;

import io.botburrow.llm.LlmEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One place a model is served: provider wire format, endpoint, model name there and the key the
 * gateway sends. Chosen by the operator (or, for the runner's own endpoints, by its allow-list); never by
 * an agent definition.
 *
 * @param name the operator's name for it (metrics, logs, cooldowns)
 * @param provider {@code openai} (and compatible servers), {@code anthropic} or {@code gemini}
 * @param baseUrl endpoint
 * @param model model name at that endpoint
 * @param apiKey key value, empty for none (never printed)
 * @param keyId names the key without revealing it (its variable), for rate limits per key
 * @param timeout how long one call may wait for the provider's answer to start
 * @param rpm requests per minute allowed on this key, 0 for no limit
 * @param tpm tokens per minute allowed on this key, 0 for no limit
 */
public record Deployment(String name, String provider, URI baseUrl, String model, String apiKey, String keyId,
    Duration timeout, int rpm, long tpm) {
  public Deployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    apiKey = apiKey == null ? "" : apiKey;
    keyId = keyId == null || keyId.isBlank() ? name : keyId;
    timeout = timeout == null ? LlmEndpoint.DEFAULT_TIMEOUT : timeout;
    // validates provider and URL
    provider = new LlmEndpoint(provider, baseUrl, null, timeout).provider();
  }

  public Deployment(String name, String provider, URI baseUrl, String model, String apiKey) {
    this(name, provider, baseUrl, model, apiKey, null, null, 0, 0);
  }

  public LlmEndpoint endpoint() {
    return new LlmEndpoint(provider, baseUrl, apiKey, timeout);
  }

  public Deployment withModel(String newModel) {
    return new Deployment(name, provider, baseUrl, newModel, apiKey, keyId, timeout, rpm, tpm);
  }

  @Override
  public String toString() {
    return "Deployment[" + name + " " + provider + " " + baseUrl + " model=" + model + " key="
        + (apiKey.isEmpty() ? "none" : keyId) + "]";
  }
}
