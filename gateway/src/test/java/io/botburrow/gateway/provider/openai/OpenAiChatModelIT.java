package io.botburrow.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import io.botburrow.devkit.llm.DemoResponder;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.provider.http.Http1Client;
import io.botburrow.gateway.provider.http.ProviderHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class OpenAiChatModelIT {
  public static final ToolSpec SEARCH = new ToolSpec("hub_search", "Search the Hub",
      Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string")), "required", List.of("query")));

  private final ObjectMapper mapper = new ObjectMapper();
  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0);

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatModel model(String apiKey, Duration timeout) {
    return model(apiKey, timeout, ProviderHttp.DEFAULT_STREAM_IDLE_TIMEOUT);
  }

  private OpenAiChatModel model(String apiKey, Duration timeout, Duration streamIdleTimeout) {
    var endpoint = new LlmEndpoint("openai", server.baseUrl(), apiKey, timeout);
    var http = new ProviderHttp(new Http1Client(Duration.ofSeconds(2)), mapper, Clock.systemUTC(), streamIdleTimeout);
    return new OpenAiChatModel(endpoint, http, mapper);
  }

  private static ChatRequest ask(String question, ToolSpec... tools) {
    return new ChatRequest("gpt-4o-mini",
        List.of(new ChatMessage.System("You are research-agent."), new ChatMessage.User(question)),
        List.of(tools), 0.5, 256);
  }

  @Test
  void returnsTheTextReplyWithTheProvidersUsage() {
    server.enqueue(ScriptedTurn.text("Hello there.").withUsage(42, 3));

    var response = model(null, Duration.ofSeconds(5)).chat(ask("hi"));

    assertThat(response.content()).isEqualTo("Hello there.");
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.usage()).isEqualTo(new Usage(42, 3));
    assertThat(response.model()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void completesAToolCallRoundTripThatTheServerAccepts() {
    server.enqueue(ScriptedTurn.toolCall("hub_search", "{\"query\":\"rust async\"}"),
        ScriptedTurn.text("Found two posts."));
    var model = model(null, Duration.ofSeconds(5));
    var transcript = new ArrayList<>(ask("find rust async posts", SEARCH).messages());

    var first = model.chat(new ChatRequest("gpt-4o-mini", transcript, List.of(SEARCH), 0.5, 256));
    transcript.add(first.asMessage());
    var call = first.toolCalls().getFirst();
    transcript.add(new ChatMessage.ToolResult(call.id(), call.name(), "[{\"title\":\"Async in Rust\"}]", false));
    var second = model.chat(new ChatRequest("gpt-4o-mini", transcript, List.of(SEARCH), 0.5, 256));

    assertThat(first.finishReason()).isEqualTo("tool_calls");
    assertThat(call.name()).isEqualTo("hub_search");
    assertThat(call.argumentsJson()).isEqualTo("{\"query\":\"rust async\"}");
    assertThat(second.content()).isEqualTo("Found two posts.");
    assertThat(server.requests()).extracting(RecordedRequest::status).containsExactly(200, 200);
    assertThat(server.requests().get(1).json().at("/messages/3/tool_call_id").asText()).isEqualTo(call.id());
  }

  @Test
  void aWrongToolCallIdIsRejectedAsNonRetryableWithTheProvidersMessage() {
    server.enqueue(ScriptedTurn.text("never sent"));
    List<ChatMessage> transcript = List.of(
        new ChatMessage.User("x"),
        new ChatMessage.Assistant("", List.of(new ToolCall("call_1", "hub_search", "{}"))),
        new ChatMessage.ToolResult("call_WRONG", "hub_search", "[]", false));

    assertThatThrownBy(() -> model(null, Duration.ofSeconds(5))
        .chat(new ChatRequest("gpt-4o-mini", transcript, List.of(SEARCH), 0.5, 256)))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("must be a response to a preceding message with 'tool_calls'");
    assertThat(server.pendingTurns()).isEqualTo(1);
  }

  @Test
  void sendsTheBearerKeyOnlyWhenOneIsConfigured() {
    server.enqueue(ScriptedTurn.text("a"), ScriptedTurn.text("b"));

    model(null, Duration.ofSeconds(5)).chat(ask("no key"));
    model("sk-test", Duration.ofSeconds(5)).chat(ask("with key"));

    assertThat(server.requests().get(0).header("Authorization")).isNull();
    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer sk-test");
  }

  @Test
  void aWrongKeyIsRejectedAsNonRetryable() {
    server.requireApiKey("sk-right").enqueue(ScriptedTurn.text("a"));

    assertThatThrownBy(() -> model("sk-wrong", Duration.ofSeconds(5)).chat(ask("x")))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("Incorrect API key")
        .message().doesNotContain("sk-wrong");
  }

  @Test
  void aSlowProviderTimesOutAsARetryableError() {
    server.enqueue(ScriptedTurn.text("late").hold());

    assertThatThrownBy(() -> model(null, Duration.ofMillis(300)).chat(ask("x")))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("timed out");
    server.awaitHeld().release();
  }

  @Test
  void aStreamThatGoesSilentAfterItsHeadersIsCutAfterTheIdleTimeout() {
    server.enqueue(ScriptedTurn.text("one two three four").stallStreamAfter(2));
    var pieces = new StringBuilder();
    long start = System.nanoTime();

    assertThatThrownBy(() -> model(null, Duration.ofSeconds(5), Duration.ofMillis(300)).stream(ask("x"),
        new io.botburrow.gateway.stream.StreamSink() {
          public void text(String delta) {
            pieces.append(delta);
          }

          public void toolCallStarted(int index, String id, String name) {}

          public void toolCallArguments(int index, String delta) {}
        }))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("nothing received for");
    // cut well before the 5 s answer timeout, after the two events that came
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(pieces.toString()).isEqualTo("one ");
    server.awaitHeld().release();
  }

  @Test
  void aStreamWhoseConnectionDropsMidBodyIsARetryableBrokenStream() {
    server.enqueue(ScriptedTurn.text("one two three four").cutStreamAfter(3));

    assertThatThrownBy(() -> model(null, Duration.ofSeconds(5)).stream(ask("x"),
        io.botburrow.gateway.stream.StreamSink.NONE))
        .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("stream broke");
  }

  @Test
  void theOfflineDemoModelSearchesOnceThenAnswersWithItsDisclaimer() {
    server.defaultResponder(new DemoResponder());
    var model = model(null, Duration.ofSeconds(5));
    var transcript = new ArrayList<>(ask("@research-agent any news about tokio runtimes?", SEARCH).messages());

    var first = model.chat(new ChatRequest("offline-demo", transcript, List.of(SEARCH), 0.5, 256));
    transcript.add(first.asMessage());
    var call = first.toolCalls().getFirst();
    transcript.add(new ChatMessage.ToolResult(call.id(), call.name(), "{\"results\":[{\"title\":\"Tokio 2\"}]}", false));
    var second = model.chat(new ChatRequest("offline-demo", transcript, List.of(SEARCH), 0.5, 256));

    assertThat(call.argumentsJson()).isEqualTo("{\"query\":\"news tokio runtimes\"}");
    assertThat(second.toolCalls()).isEmpty();
    assertThat(second.content()).contains("\"Tokio 2\"").contains(DemoResponder.DISCLAIMER);
    assertThat(second.usage().inputTokens()).isGreaterThan(first.usage().inputTokens());
  }

  @Test
  void anUnreachableServerIsARetryableError() {
    var model = model(null, Duration.ofSeconds(2));
    server.close();

    assertThatThrownBy(() -> model.chat(ask("x")))
        .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("unreachable");
  }
}
