package io.botburrow.runner.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * Where agents' models are reached.
 *
 * @param overrideBaseUrl when set, every agent talks to this endpoint (a local model server, a gateway,
 *     or the offline demo model) instead of the one its brain names
 * @param overrideProvider wire format of the override endpoint: {@code openai} or {@code anthropic}
 * @param overrideModel model name to use with the override (the brain's model when unset)
 * @param overrideApiKey key for the override endpoint (none when unset)
 * @param openaiBaseUrl default OpenAI-compatible endpoint ({@code OPENAI_BASE_URL} wins when set)
 * @param anthropicBaseUrl default Anthropic endpoint
 * @param timeout timeout of one model call
 */
@ConfigurationProperties("botburrow.llm")
public record LlmProperties(
    @Nullable URI overrideBaseUrl,
    @Bindable(defaultValue = "openai") String overrideProvider,
    @Nullable String overrideModel,
    @Nullable String overrideApiKey,
    @Bindable(defaultValue = "https://api.openai.com/v1") URI openaiBaseUrl,
    @Bindable(defaultValue = "https://api.anthropic.com") URI anthropicBaseUrl,
    @Bindable(defaultValue = "120s") Duration timeout) {

  @Override
  public String toString() {
    return "LlmProperties[overrideBaseUrl=" + overrideBaseUrl + ", overrideProvider=" + overrideProvider + ", overrideModel="
        + overrideModel + ", openaiBaseUrl=" + openaiBaseUrl + ", anthropicBaseUrl=" + anthropicBaseUrl + "]";
  }
}
