package io.botburrow.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import io.botburrow.devkit.llm.DemoResponder;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.gateway.provider.openai.OpenAiChatModelIT;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.provider.http.ProviderHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelIT {
  private final ObjectMapper mapper = new ObjectMapper();
  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0).requireApiKey("ant-key");

  @AfterEach
  void stop() {
    server.close();
  }

  private AnthropicChatModel model() {
    var endpoint = new LlmEndpoint("anthropic", server.anthropicBaseUrl(), "ant-key", Duration.ofSeconds(5));
    return new AnthropicChatModel(endpoint, new ProviderHttp(HttpClient.newHttpClient(), mapper, Clock.systemUTC()),
        mapper);
  }

  @Test
  void completesAToolUseRoundTripAgainstTheMessagesEndpoint() {
    server.enqueue(
        ScriptedTurn.toolCalls(ScriptedTurn.call("hub_search", "{\"query\":\"a\"}"),
            ScriptedTurn.call("hub_search", "{\"query\":\"b\"}")).withText("Two searches.").withUsage(200, 30),
        ScriptedTurn.text("Both came back.").withUsage(260, 5));
    var model = model();
    var transcript = new ArrayList<ChatMessage>(List.of(
        new ChatMessage.System("You are claude-coder-1."), new ChatMessage.User("search a and b")));

    var first = model.chat(new ChatRequest("claude-sonnet-4-20250514", transcript,
        List.of(OpenAiChatModelIT.SEARCH), 0.7, 1024));
    transcript.add(first.asMessage());
    for (ToolCall call : first.toolCalls()) {
      transcript.add(new ChatMessage.ToolResult(call.id(), call.name(), "result " + call.argumentsJson(), false));
    }
    var second = model.chat(new ChatRequest("claude-sonnet-4-20250514", transcript,
        List.of(OpenAiChatModelIT.SEARCH), 0.7, 1024));

    assertThat(first.content()).isEqualTo("Two searches.");
    assertThat(first.toolCalls()).extracting(ToolCall::argumentsJson)
        .containsExactly("{\"query\":\"a\"}", "{\"query\":\"b\"}");
    assertThat(first.finishReason()).isEqualTo("tool_use");
    assertThat(first.usage()).isEqualTo(new Usage(200, 30));
    assertThat(second.content()).isEqualTo("Both came back.");
    assertThat(second.finishReason()).isEqualTo("end_turn");
    var sent = server.requests().get(1);
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(sent.json().at("/system").asText()).isEqualTo("You are claude-coder-1.");
    assertThat(sent.json().at("/messages/2/content")).hasSize(2);
  }

  @Test
  void aToolResultForAnUnknownToolUseIsRejectedAsNonRetryable() {
    server.enqueue(ScriptedTurn.text("never"));
    List<ChatMessage> transcript = List.of(new ChatMessage.User("x"),
        new ChatMessage.Assistant("", List.of(new ToolCall("toolu_1", "hub_search", "{}"))),
        new ChatMessage.ToolResult("toolu_2", "hub_search", "r", false));

    assertThatThrownBy(() -> model().chat(new ChatRequest("claude-3-5-haiku-latest", transcript,
        List.of(OpenAiChatModelIT.SEARCH), 0.5, 100)))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("unexpected `tool_use_id`");
  }

  @Test
  void anOverloadedProviderIsRetryable() {
    server.enqueue(ScriptedTurn.error(529, "Overloaded"));

    assertThatThrownBy(() -> model().chat(new ChatRequest("claude-3-5-haiku-latest",
        List.of(new ChatMessage.User("x")), List.of(), 0.5, 100)))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.status()).isEqualTo(529);
          assertThat(e.retryable()).isTrue();
        })
        .hasMessageContaining("Overloaded");
  }
}
