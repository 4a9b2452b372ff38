package io.botburrow.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmEndpointTest {

  @Test
  void toStringNeverShowsTheApiKey() {
    var endpoint = new LlmEndpoint("openai", URI.create("https://api.openai.com/v1"), "sk-secret-123", null);

    assertThat(endpoint.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
    assertThat(endpoint.name()).doesNotContain("sk-secret-123");
  }

  @Test
  void treatsLocalAsOpenAiCompatibleAndBlankKeyAsNone() {
    var endpoint = new LlmEndpoint("Local", URI.create("http://127.0.0.1:11434/v1"), " ", null);

    assertThat(endpoint.provider()).isEqualTo("openai");
    assertThat(endpoint.hasApiKey()).isFalse();
    assertThat(endpoint.timeout()).isEqualTo(LlmEndpoint.DEFAULT_TIMEOUT);
  }

  @Test
  void rejectsUnknownProvidersAndNonHttpUrls() {
    assertThatThrownBy(() -> new LlmEndpoint("cohere", URI.create("https://x"), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cohere");
    assertThat(new LlmEndpoint("google", URI.create("https://x"), null, null).provider()).isEqualTo("gemini");
    assertThatThrownBy(() -> new LlmEndpoint("openai", URI.create("ftp://x"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LlmEndpoint("openai", URI.create("http://x"), null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolvesPathsWithOrWithoutTrailingSlash() {
    var withSlash = LlmEndpoint.of("openai", URI.create("http://h:1/v1/"), null);
    var without = LlmEndpoint.of("openai", URI.create("http://h:1/v1"), null);

    assertThat(withSlash.resolve("/chat/completions")).hasToString("http://h:1/v1/chat/completions");
    assertThat(without.resolve("chat/completions")).hasToString("http://h:1/v1/chat/completions");
  }

  @Test
  void defaultsToThePublicBaseUrls() {
    assertThat(LlmEndpoint.of("anthropic", null, "k").baseUrl()).hasToString("https://api.anthropic.com");
    assertThat(LlmEndpoint.of("openai", null, "k").baseUrl()).hasToString("https://api.openai.com/v1");
  }
}
