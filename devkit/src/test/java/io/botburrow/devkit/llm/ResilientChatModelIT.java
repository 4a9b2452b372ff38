package io.botburrow.devkit.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.FallbackChatModel;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import io.botburrow.llm.provider.ChatModels;
import io.botburrow.llm.resilience.CircuitOpenException;
import io.botburrow.llm.resilience.LlmResilience;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientChatModelIT {
  private static final LlmResilience FAST = LlmResilience.defaults()
      .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(100))
      .withMaxRetryAfter(Duration.ofSeconds(2))
      .withMaxTotalTime(Duration.ofSeconds(10));

  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0);
  private final ScriptedLlmServer backup = new ScriptedLlmServer().start(0);

  @AfterEach
  void stop() {
    server.close();
    backup.close();
  }

  private static ChatModels models(LlmResilience resilience) {
    return new ChatModels(new ObjectMapper(), resilience, Clock.systemUTC());
  }

  private static LlmEndpoint openAi(ScriptedLlmServer target, Duration timeout) {
    return new LlmEndpoint("openai", target.baseUrl(), null, timeout);
  }

  private static ChatRequest hello(String model) {
    return new ChatRequest(model, List.of(new ChatMessage.User("hello")), List.of(), 0.5, 100);
  }

  @Test
  void retriesServerErrorsAndReportsTheUsageOfTheAnswer() {
    server.enqueue(ScriptedTurn.error(500, "boom"), ScriptedTurn.error(502, "bad gateway"),
        ScriptedTurn.text("third time lucky").withUsage(120, 4));

    var response = models(FAST).forEndpoint(openAi(server, Duration.ofSeconds(5))).chat(hello("gpt-4o-mini"));

    assertThat(response.content()).isEqualTo("third time lucky");
    assertThat(response.usage()).isEqualTo(new Usage(120, 4));
    assertThat(server.requests()).extracting(RecordedRequest::status).containsExactly(500, 502, 200);
  }

  @Test
  void waitsAsLongAsRetryAfterAsks() {
    server.enqueue(ScriptedTurn.error(429, "Rate limit reached").withHeader("Retry-After", "1"),
        ScriptedTurn.text("ok"));

    var response = models(FAST).forEndpoint(openAi(server, Duration.ofSeconds(5))).chat(hello("gpt-4o-mini"));

    assertThat(response.content()).isEqualTo("ok");
    var requests = server.requests();
    assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void capsAnExcessiveRetryAfter() {
    server.enqueue(ScriptedTurn.error(429, "slow down").withHeader("Retry-After", "3600"), ScriptedTurn.text("ok"));
    var capped = FAST.withMaxRetryAfter(Duration.ofMillis(200));

    var response = models(capped).forEndpoint(openAi(server, Duration.ofSeconds(5))).chat(hello("gpt-4o-mini"));

    assertThat(response.content()).isEqualTo("ok");
    var requests = server.requests();
    assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
        .isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheProvidersError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(ScriptedTurn.error(503, "overloaded " + i));
    }

    assertThatThrownBy(() -> models(FAST).forEndpoint(openAi(server, Duration.ofSeconds(5))).chat(hello("m")))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("overloaded 3");
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void doesNotRetryARefusedRequest() {
    server.enqueue(ScriptedTurn.text("never"));
    var broken = new ChatRequest("m", List.of(new ChatMessage.User("x"),
        new ChatMessage.Assistant("", List.of(new ToolCall("call_1", "hub_search", "{}"))),
        new ChatMessage.ToolResult("call_2", "hub_search", "r", false)), List.of(OpenAiChatModelIT.SEARCH), 0.5, 10);

    assertThatThrownBy(() -> models(FAST).forEndpoint(openAi(server, Duration.ofSeconds(5))).chat(broken))
        .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retriesACallThatTimedOut() {
    server.enqueue(ScriptedTurn.text("too late").hold(), ScriptedTurn.text("in time"));

    var response = models(FAST).forEndpoint(openAi(server, Duration.ofMillis(300))).chat(hello("m"));

    assertThat(response.content()).isEqualTo("in time");
    server.awaitHeld().release();
  }

  @Test
  void opensTheEndpointsCircuitAfterRepeatedFailures() {
    var resilience = FAST.withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10))
        .withCircuit(50, 4, 4, Duration.ofMinutes(1));
    var models = models(resilience);
    var endpoint = openAi(server, Duration.ofSeconds(5));
    server.defaultResponder(request -> ScriptedTurn.error(503, "down"));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> models.forEndpoint(endpoint).chat(hello("m")))
          .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
    var sameEndpointOtherKey = new LlmEndpoint("openai", server.baseUrl(), "sk-other", Duration.ofSeconds(5));

    assertThatThrownBy(() -> models.forEndpoint(endpoint).chat(hello("m")))
        .isInstanceOf(CircuitOpenException.class)
        .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> models.forEndpoint(sameEndpointOtherKey).chat(hello("m")))
        .isInstanceOf(CircuitOpenException.class);
    assertThat(server.requests()).hasSize(4);
    assertThat(models.circuitState(endpoint)).isEqualTo("OPEN");
  }

  @Test
  void fallsBackToASecondModelWhenTheFirstStaysUnavailable() {
    server.defaultResponder(request -> ScriptedTurn.error(503, "primary down"));
    backup.enqueue(ScriptedTurn.text("answered by the backup").withUsage(50, 5));
    var models = models(FAST.withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)));
    ChatModel model = new FallbackChatModel(List.of(
        new FallbackChatModel.Candidate("gpt-4o", models.forEndpoint(openAi(server, Duration.ofSeconds(5)))),
        new FallbackChatModel.Candidate("llama3.1", models.forEndpoint(openAi(backup, Duration.ofSeconds(5))))));

    var response = model.chat(hello("whatever"));

    assertThat(response.content()).isEqualTo("answered by the backup");
    assertThat(response.model()).isEqualTo("llama3.1");
    assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r.json().path("model").asText())
        .isEqualTo("gpt-4o"));
    assertThat(backup.requests()).singleElement().satisfies(r -> assertThat(r.json().path("model").asText())
        .isEqualTo("llama3.1"));
  }

  @Test
  void buildsOneAdapterPerEndpointAndSpeaksAnthropicWhenAsked() {
    server.enqueue(ScriptedTurn.text("from the messages API"));
    var models = models(FAST);
    var endpoint = new LlmEndpoint("anthropic", server.anthropicBaseUrl(), "k", Duration.ofSeconds(5));

    var response = models.forEndpoint(endpoint).chat(hello("claude-3-5-haiku-latest"));

    assertThat(models.forEndpoint(endpoint)).isSameAs(models.forEndpoint(
        new LlmEndpoint("anthropic", server.anthropicBaseUrl(), "k", Duration.ofSeconds(5))));
    assertThat(response.content()).isEqualTo("from the messages API");
    assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v1/messages"));
  }
}
