package io.botburrow.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicCodecTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final AnthropicCodec codec = new AnthropicCodec(mapper);
  private static final ToolSpec SEARCH = new ToolSpec("hub_search", "Search", Map.of("type", "object"));

  @Test
  void encodesSystemToolUseAndMergedToolResultsAsTheMessagesApiExpects() throws Exception {
    var request = new ChatRequest("claude-sonnet-4-20250514", List.of(
        new ChatMessage.System("You are helpful."),
        new ChatMessage.User("search twice"),
        new ChatMessage.Assistant("Let me look.", List.of(
            new ToolCall("toolu_1", "hub_search", "{\"query\":\"a\"}"),
            new ToolCall("toolu_2", "hub_search", "{\"query\":\"b\"}"))),
        new ChatMessage.ToolResult("toolu_1", "hub_search", "A", false),
        new ChatMessage.ToolResult("toolu_2", "hub_search", "down", true)),
        List.of(SEARCH), 1.5, 1000);

    var json = codec.encode(request);

    assertThat(json).isEqualTo(mapper.readTree("""
        {"model":"claude-sonnet-4-20250514","max_tokens":1000,"temperature":1.0,"system":"You are helpful.",
         "messages":[
           {"role":"user","content":[{"type":"text","text":"search twice"}]},
           {"role":"assistant","content":[{"type":"text","text":"Let me look."},
             {"type":"tool_use","id":"toolu_1","name":"hub_search","input":{"query":"a"}},
             {"type":"tool_use","id":"toolu_2","name":"hub_search","input":{"query":"b"}}]},
           {"role":"user","content":[
             {"type":"tool_result","tool_use_id":"toolu_1","content":"A"},
             {"type":"tool_result","tool_use_id":"toolu_2","content":"down","is_error":true}]}],
         "tools":[{"name":"hub_search","description":"Search","input_schema":{"type":"object"}}]}
        """));
  }

  @Test
  void putsToolResultsBeforeAFollowingUserTextAndSkipsEmptyText() {
    var request = new ChatRequest("claude-3-5-haiku-latest", List.of(
        new ChatMessage.User("go"),
        new ChatMessage.Assistant("", List.of(new ToolCall("t1", "hub_search", "not json"))),
        new ChatMessage.User("also this"),
        new ChatMessage.ToolResult("t1", "hub_search", "r", false)), List.of(SEARCH), 0.2, 0);

    var json = codec.encode(request);

    assertThat(json.path("max_tokens").asInt()).isEqualTo(AnthropicCodec.DEFAULT_MAX_TOKENS);
    assertThat(json.has("system")).isFalse();
    assertThat(json.at("/messages/1/content")).hasSize(1);
    assertThat(json.at("/messages/1/content/0/input/raw_arguments").asText()).isEqualTo("not json");
    assertThat(json.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
    assertThat(json.at("/messages/2/content/1/text").asText()).isEqualTo("also this");
  }

  @Test
  void decodesTextToolUseStopReasonAndUsageIncludingCachedInput() throws Exception {
    var body = mapper.readTree("""
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
         "content":[{"type":"text","text":"Searching."},
                    {"type":"tool_use","id":"toolu_9","name":"hub_search","input":{"query":"x"}}],
         "stop_reason":"tool_use",
         "usage":{"input_tokens":100,"cache_read_input_tokens":50,"output_tokens":20}}
        """);

    var response = codec.decode(body, "claude-sonnet-4");

    assertThat(response.content()).isEqualTo("Searching.");
    assertThat(response.toolCalls()).containsExactly(new ToolCall("toolu_9", "hub_search", "{\"query\":\"x\"}"));
    assertThat(response.finishReason()).isEqualTo("tool_use");
    assertThat(response.usage()).isEqualTo(new Usage(150, 20, 50));
    assertThat(response.model()).isEqualTo("claude-sonnet-4-20250514");
  }

  @Test
  void acceptsBaseUrlsWithOrWithoutTheVersion() {
    var bare = new LlmEndpoint("anthropic", URI.create("https://api.anthropic.com"), "k", null);
    var versioned = new LlmEndpoint("anthropic", URI.create("https://api.anthropic.com/v1"), "k", null);

    assertThat(AnthropicChatModel.messagesUri(bare)).hasToString("https://api.anthropic.com/v1/messages");
    assertThat(AnthropicChatModel.messagesUri(versioned)).hasToString("https://api.anthropic.com/v1/messages");
  }
}
