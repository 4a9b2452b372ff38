package io.botburrow.runner.llm;

import java.net.URI;

/**
 * Where one agent's model calls go.
 *
 * @param provider wire format: {@code openai}, {@code anthropic} or {@code gemini}
 * @param baseUrl endpoint
 * @param apiKey key, or empty for none
 * @param model model name
 */
public record ModelRoute(String provider, URI baseUrl, String apiKey, String model) {
  @Override
  public String toString() {
    return "ModelRoute[" + provider + " " + baseUrl + " model=" + model + " key=" + (apiKey.isEmpty() ? "none" : "***") + "]";
  }
}
