package io.botburrow.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCodecTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final OpenAiCodec codec = new OpenAiCodec(mapper);

  private static final ToolSpec SEARCH = new ToolSpec("hub_search", "Search the Hub",
      Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string")), "required", List.of("query")));

  @Test
  void encodesAToolTranscriptExactlyAsOpenAiExpectsIt() throws Exception {
    var request = new ChatRequest("gpt-4o-mini", List.of(
        new ChatMessage.System("You are helpful."),
        new ChatMessage.User("find rust posts"),
        new ChatMessage.Assistant("", List.of(new ToolCall("call_1", "hub_search", "{\"query\":\"rust\"}"))),
        new ChatMessage.ToolResult("call_1", "hub_search", "[]", false)),
        List.of(SEARCH), 0.7, 512);

    var json = codec.encode(request);

    assertThat(json).isEqualTo(mapper.readTree("""
        {"model":"gpt-4o-mini",
         "messages":[
           {"role":"system","content":"You are helpful."},
           {"role":"user","content":"find rust posts"},
           {"role":"assistant","content":null,"tool_calls":[
             {"id":"call_1","type":"function","function":{"name":"hub_search","arguments":"{\\"query\\":\\"rust\\"}"}}]},
           {"role":"tool","tool_call_id":"call_1","content":"[]"}],
         "tools":[{"type":"function","function":{"name":"hub_search","description":"Search the Hub",
           "parameters":{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}}}],
         "max_tokens":512,
         "temperature":0.7}
        """));
  }

  @Test
  void marksFailedToolResultsAndOmitsEmptyToolsAndZeroMaxTokens() {
    var request = new ChatRequest("llama3", List.of(
        new ChatMessage.User("x"),
        new ChatMessage.Assistant("thinking", List.of(new ToolCall("c", "t", "{}"))),
        new ChatMessage.ToolResult("c", "t", "boom", true)), List.of(), 0.2, 0);

    var json = codec.encode(request);

    assertThat(json.has("tools")).isFalse();
    assertThat(json.has("max_tokens")).isFalse();
    assertThat(json.at("/messages/1/content").asText()).isEqualTo("thinking");
    assertThat(json.at("/messages/2/content").asText()).isEqualTo("Error: boom");
  }

  @Test
  void reasoningModelsGetMaxCompletionTokensAndNoTemperature() {
    var request = new ChatRequest("o3-mini", List.of(new ChatMessage.User("x")), List.of(), 0.7, 100);

    var json = codec.encode(request);

    assertThat(json.path("max_completion_tokens").asInt()).isEqualTo(100);
    assertThat(json.has("max_tokens")).isFalse();
    assertThat(json.has("temperature")).isFalse();
  }

  @Test
  void decodesToolCallsFinishReasonUsageAndModel() throws Exception {
    var body = mapper.readTree("""
        {"id":"chatcmpl-1","model":"gpt-4o-mini-2024-07-18",
         "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
           "tool_calls":[{"id":"call_9","type":"function","function":{"name":"hub_search","arguments":"{\\"query\\":\\"x\\"}"}}]}}],
         "usage":{"prompt_tokens":120,"completion_tokens":15,"total_tokens":135}}
        """);

    var response = codec.decode(body, "gpt-4o-mini");

    assertThat(response.content()).isEmpty();
    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_9", "hub_search", "{\"query\":\"x\"}"));
    assertThat(response.finishReason()).isEqualTo("tool_calls");
    assertThat(response.usage()).isEqualTo(new Usage(120, 15));
    assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
  }

  @Test
  void toleratesObjectArgumentsMissingIdsAndMissingUsage() throws Exception {
    var body = mapper.readTree("""
        {"choices":[{"finish_reason":"stop","message":{"content":"hi",
           "tool_calls":[{"function":{"name":"t","arguments":{"a":1}}}]}}]}
        """);

    var response = codec.decode(body, "local-model");

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_0", "t", "{\"a\":1}"));
    assertThat(response.usage()).isEqualTo(Usage.ZERO);
    assertThat(response.model()).isEqualTo("local-model");
  }

  @Test
  void aResponseWithoutChoicesIsAnError() throws Exception {
    assertThatThrownBy(() -> codec.decode(mapper.readTree("{\"choices\":[]}"), "m"))
        .isInstanceOf(LlmException.class).hasMessageContaining("no choices");
  }
}
