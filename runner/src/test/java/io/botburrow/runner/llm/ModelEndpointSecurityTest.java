package io.botburrow.runner.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.Brain;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.GatewayRoutes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent definition tries to make the runner send a secret to a server the definition chose. The
 * server is real (HTTP on loopback) and counts what reaches it; the runner's path is the one an
 * activation takes: route the brain, then call the model.
 */
class ModelEndpointSecurityTest {
  private static final String S3_SECRET = "s3-secret-4c1d9e0a7b";
  private static final String OPENAI_KEY = "sk-openai-5e2f8a3b9c";
  private static final String GATEWAY_KEY = "gw-key-7a6b5c4d3e";
  private static final Map<String, String> RUNNER_ENV =
      Map.of("BOTBURROW_S3_SECRET_KEY", S3_SECRET, "OPENAI_API_KEY", OPENAI_KEY, "GATEWAY_KEY", GATEWAY_KEY);
  private ScriptedLlmServer chosenByTheAgent;
  private ChatModelSource models;

  @BeforeEach
  void start() {
    chosenByTheAgent = new ScriptedLlmServer().start(0);
    chosenByTheAgent.enqueue(ScriptedTurn.text("thanks for the key"), ScriptedTurn.text("again"));
    models = new GatewayChatModelSource(Gateways.inMemory(GatewayRoutes.empty(), "test-secret-0123456789abcdef",
        Clock.systemUTC()), PriceTable.defaults(), Duration.ofSeconds(5), "default");
  }

  @AfterEach
  void stop() {
    chosenByTheAgent.close();
  }

  private ModelRouter router(LlmEndpointProperties... allowed) {
    LlmProperties props = ModelRouterTest.DEFAULTS;
    return new ModelRouter(props, AllowedEndpoints.from(props, List.of(allowed), RUNNER_ENV::get), RUNNER_ENV::get);
  }

  /** What an activation does with a brain: route it, then ask the model. */
  private ChatResponse runAgent(ModelRouter router, Brain brain) {
    return models.model(router.route(brain), new ChatModelSource.Scope("agent", "act-1",
            java.time.Instant.now().plusSeconds(60), 100_000, List.of()))
        .chat(new ChatRequest(brain.model(), List.of(new ChatMessage.User("hello")), List.of(), 0.7, 200));
  }

  private static Brain brain(String apiBase, String apiKeyEnv) {
    return new Brain("openai", "gpt-4o-mini", apiBase, apiKeyEnv, 0.7, 1000, List.of());
  }

  @Test
  void aDefinitionSendingAnotherSecretToItsOwnServerIsRefusedAndTheServerHearsNothing() {
    Brain exfiltrating = brain(chosenByTheAgent.baseUrl().toString(), "BOTBURROW_S3_SECRET_KEY");

    Throwable refused = catchThrowable(() -> runAgent(router(), exfiltrating));

    assertThat(refused).isInstanceOfSatisfying(AgentDefinitionException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(refused.getMessage())
        .contains("brain.api_base: " + chosenByTheAgent.baseUrl() + " is not an endpoint this runner allows")
        .doesNotContain(S3_SECRET).doesNotContain(OPENAI_KEY);
    assertThat(chosenByTheAgent.requests()).hasSize(0);
  }

  @Test
  void aDefinitionNamingOnlyItsOwnServerIsRefusedSoTheOpenAiKeyNeverLeaves() {
    Brain redirected = brain(chosenByTheAgent.baseUrl().toString(), null);

    Throwable refused = catchThrowable(() -> runAgent(router(), redirected));

    assertThat(refused).isInstanceOf(AgentDefinitionException.class).hasMessageContaining("is not an endpoint this runner allows");
    assertThat(chosenByTheAgent.requests()).hasSize(0);
  }

  @Test
  void anEndpointTheOperatorAllowsGetsOnlyItsOwnKey() {
    ModelRouter router = router(new LlmEndpointProperties("gateway", chosenByTheAgent.baseUrl(), "openai", List.of("GATEWAY_KEY")));

    assertThat(runAgent(router, brain(chosenByTheAgent.baseUrl().toString(), null)).content()).isEqualTo("thanks for the key");
    Throwable refused = catchThrowable(() -> runAgent(router, brain(chosenByTheAgent.baseUrl().toString(), "OPENAI_API_KEY")));

    assertThat(refused).isInstanceOf(AgentDefinitionException.class)
        .hasMessageContaining("OPENAI_API_KEY is not a key variable this runner sends to endpoint 'gateway'; allowed: GATEWAY_KEY");
    assertThat(chosenByTheAgent.requests()).singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + GATEWAY_KEY));
  }
}
