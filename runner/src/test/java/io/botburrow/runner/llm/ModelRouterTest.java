package io.botburrow.runner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.Brain;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.llm.LlmException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRouterTest {
  static final LlmProperties DEFAULTS =
      new LlmProperties(null, "openai", null, null, URI.create("https://api.openai.com/v1"), URI.create("https://api.anthropic.com"), Duration.ofSeconds(30));

  private static Brain brain(String provider, String apiBase, String keyEnv) {
    return new Brain(provider, "gpt-4o-mini", apiBase, keyEnv, 0.7, 1000, List.of());
  }

  private static ModelRouter router(Map<String, String> env, LlmEndpointProperties... endpoints) {
    return new ModelRouter(DEFAULTS, AllowedEndpoints.from(DEFAULTS, List.of(endpoints), env::get), env::get);
  }

  @Test
  void anAgentWithoutEndpointGetsItsProvidersBuiltInEndpointAndKey() {
    ModelRoute openai = router(Map.of("OPENAI_API_KEY", "sk-1")).route(brain("openai", null, null));
    assertThat(openai).isEqualTo(new ModelRoute("openai", URI.create("https://api.openai.com/v1"), "sk-1", "gpt-4o-mini"));
    assertThat(openai.toString()).doesNotContain("sk-1");

    ModelRoute anthropic = router(Map.of("ANTHROPIC_API_KEY", "sk-ant")).route(brain("anthropic", null, "ANTHROPIC_API_KEY"));
    assertThat(anthropic).isEqualTo(new ModelRoute("anthropic", URI.create("https://api.anthropic.com"), "sk-ant", "gpt-4o-mini"));
  }

  @Test
  void aGoogleBrainGetsTheBuiltInGeminiEndpointAndItsKey() {
    ModelRouter r = router(Map.of("GEMINI_API_KEY", "AIza-1"));

    ModelRoute google = r.route(brain("google", null, null));
    ModelRoute named = r.route(brain("google", "https://generativelanguage.googleapis.com/v1beta/", "GEMINI_API_KEY"));

    assertThat(google).isEqualTo(new ModelRoute("gemini", URI.create("https://generativelanguage.googleapis.com/v1beta"),
        "AIza-1", "gpt-4o-mini"));
    assertThat(named).isEqualTo(google);
    assertThatThrownBy(() -> router(Map.of()).route(brain("google", null, null)))
        .isInstanceOf(LlmException.class).hasMessageContaining("GEMINI_API_KEY");
  }

  @Test
  void theOfficialUrlsNamedInABrainStandForTheBuiltInEndpoints() {
    ModelRouter r = router(Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"));

    ModelRoute route = r.route(brain("openai", "https://api.openai.com/v1/", "OPENAI_API_KEY"));

    assertThat(route.baseUrl()).hasToString("http://127.0.0.1:11434/v1");
    assertThat(route.apiKey()).isEqualTo("sk-1");
  }

  @Test
  void openAiBaseUrlFromTheEnvironmentServesAgentsWithoutTheirOwnEndpoint() {
    ModelRoute route = router(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")).route(brain("local", null, null));

    assertThat(route.baseUrl()).hasToString("http://127.0.0.1:11434/v1");
    assertThat(route.apiKey()).isEmpty();
  }

  @Test
  void refusesAHostedProviderWithoutAKeyNamingTheVariable() {
    assertThatThrownBy(() -> router(Map.of()).route(brain("anthropic", null, null)))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY");
  }

  @Test
  void refusesAnApiBaseTheOperatorDidNotAllow() {
    assertThatThrownBy(() -> router(Map.of("OPENAI_API_KEY", "sk-1")).route(brain("openai", "https://evil.example/v1", null)))
        .isInstanceOfSatisfying(InvalidAgentDefinitionException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.field()).isEqualTo("brain.api_base");
        })
        .hasMessageContaining("https://evil.example/v1 is not an endpoint this runner allows")
        .hasMessageContaining("allowed endpoints: openai, anthropic")
        .message().doesNotContain("sk-1");
  }

  @Test
  void anAllowedHostWithUserInfoOrAnotherPortIsAnotherEndpoint() {
    ModelRouter r = router(Map.of(), new LlmEndpointProperties("ollama", URI.create("http://10.0.0.5:11434/v1"), null, null));

    assertThat(r.route(brain("local", "http://10.0.0.5:11434/v1/", null)).baseUrl()).hasToString("http://10.0.0.5:11434/v1");
    assertThatThrownBy(() -> r.route(brain("local", "http://x@10.0.0.5:11434/v1", null)))
        .isInstanceOf(InvalidAgentDefinitionException.class);
    assertThatThrownBy(() -> r.route(brain("local", "http://10.0.0.5:11435/v1", null)))
        .isInstanceOf(InvalidAgentDefinitionException.class);
  }

  @Test
  void refusesAKeyVariableTheEndpointDoesNotTake() {
    ModelRouter r = router(Map.of("BOTBURROW_S3_SECRET_KEY", "s3-secret-value"));

    assertThatThrownBy(() -> r.route(brain("openai", null, "BOTBURROW_S3_SECRET_KEY")))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessageContaining("brain.api_key_env: BOTBURROW_S3_SECRET_KEY is not a key variable this runner sends to endpoint 'openai'; allowed: OPENAI_API_KEY")
        .message().doesNotContain("s3-secret-value");
  }

  @Test
  void aKeyIsOnlySentToTheEndpointItBelongsTo() {
    ModelRouter r = router(Map.of("OPENAI_API_KEY", "sk-1", "TEAM_A_KEY", "sk-team-a"),
        new LlmEndpointProperties("openai", null, null, List.of("OPENAI_API_KEY", "TEAM_A_KEY")),
        new LlmEndpointProperties("ollama", URI.create("http://10.0.0.5:11434/v1"), null, null));

    assertThat(r.route(brain("openai", null, "TEAM_A_KEY")).apiKey()).isEqualTo("sk-team-a");
    assertThat(r.route(brain("openai", "http://10.0.0.5:11434/v1", null)).apiKey()).isEmpty();
    assertThatThrownBy(() -> r.route(brain("openai", "http://10.0.0.5:11434/v1", "OPENAI_API_KEY")))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessageContaining("(it takes no key)");
    assertThat(r.endpoints().keyVariables()).containsExactlyInAnyOrder("OPENAI_API_KEY", "TEAM_A_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY");
  }

  @Test
  void refusesAProviderThatDoesNotMatchTheEndpointsWireFormat() {
    assertThatThrownBy(() -> router(Map.of()).route(brain("anthropic", "https://api.openai.com/v1", null)))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessageContaining("cannot use endpoint 'openai'");
  }

  @Test
  void anOverrideSendsEveryAgentToOneEndpointWhateverItsBrainNames() {
    LlmProperties p =
        new LlmProperties(URI.create("http://127.0.0.1:9999/v1"), "openai", "demo", null, DEFAULTS.openaiBaseUrl(), DEFAULTS.anthropicBaseUrl(), Duration.ofSeconds(30));
    ModelRouter r = new ModelRouter(p, Map.of("BOTBURROW_S3_SECRET_KEY", "s3-secret-value")::get);

    ModelRoute route = r.route(brain("anthropic", "https://evil.example/v1", "BOTBURROW_S3_SECRET_KEY"));

    assertThat(route).isEqualTo(new ModelRoute("openai", URI.create("http://127.0.0.1:9999/v1"), "", "demo"));
  }
}
