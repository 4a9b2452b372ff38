package io.botburrow.runner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.Brain;
import io.botburrow.llm.LlmException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
  private static final LlmProperties DEFAULTS =
      new LlmProperties(null, "openai", null, null, URI.create("https://api.openai.com/v1"), URI.create("https://api.anthropic.com"), Duration.ofSeconds(30));

  private static Brain brain(String provider, String apiBase, String keyEnv) {
    return new Brain(provider, "gpt-4o-mini", apiBase, keyEnv, 0.7, 1000, List.of());
  }

  @Test
  void readsTheKeyFromTheEnvironmentVariableTheBrainNames() {
    ModelRouter r = new ModelRouter(DEFAULTS, Map.of("MY_KEY", "sk-1")::get);

    ModelRoute route = r.route(brain("openai", null, "MY_KEY"));

    assertThat(route.apiKey()).isEqualTo("sk-1");
    assertThat(route.baseUrl()).hasToString("https://api.openai.com/v1");
    assertThat(route.toString()).doesNotContain("sk-1");
  }

  @Test
  void openAiBaseUrlFromTheEnvironmentServesAgentsWithoutTheirOwnEndpoint() {
    ModelRouter r = new ModelRouter(DEFAULTS, Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")::get);

    ModelRoute route = r.route(brain("openai", null, null));

    assertThat(route.baseUrl()).hasToString("http://127.0.0.1:11434/v1");
    assertThat(route.apiKey()).isEmpty();
  }

  @Test
  void refusesAHostedProviderWithoutAKeyNamingTheVariable() {
    ModelRouter r = new ModelRouter(DEFAULTS, Map.<String, String>of()::get);

    assertThatThrownBy(() -> r.route(brain("anthropic", null, null)))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY");
  }

  @Test
  void anOverrideSendsEveryAgentToOneEndpoint() {
    LlmProperties p =
        new LlmProperties(URI.create("http://127.0.0.1:9999/v1"), "openai", "demo", null, DEFAULTS.openaiBaseUrl(), DEFAULTS.anthropicBaseUrl(), Duration.ofSeconds(30));

    ModelRoute route = new ModelRouter(p, Map.<String, String>of()::get).route(brain("anthropic", null, null));

    assertThat(route).isEqualTo(new ModelRoute("openai", URI.create("http://127.0.0.1:9999/v1"), "", "demo"));
  }
}
