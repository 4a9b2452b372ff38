package io.botburrow.devkit.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.wire.InvalidRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicWireTest {
  private static final String TOOLS = """
      "tools":[{"name":"hub_search","input_schema":{"type":"object"}}]""";
  private static final Map<String, String> VERSION = Map.of("anthropic-version", "2023-06-01");

  private final ObjectMapper mapper = new ObjectMapper();
  private final AnthropicWire wire = new AnthropicWire(mapper, new java.util.concurrent.atomic.AtomicLong());

  private ChatRequest read(String json) throws Exception {
    return wire.read(mapper.readTree(json), VERSION);
  }

  private void assertRejected(String json, String messagePart) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(messagePart);
  }

  private static String body(String messages) {
    return "{\"model\":\"claude\",\"max_tokens\":100," + TOOLS + ",\"messages\":" + messages + "}";
  }

  private static final String TOOL_USE = """
      {"role":"assistant","content":[{"type":"text","text":"looking"},
        {"type":"tool_use","id":"toolu_1","name":"hub_search","input":{"query":"x"}}]}""";

  @Test
  void acceptsAToolUseAnsweredInTheNextMessageAndConvertsIt() throws Exception {
    var request = read("""
        {"model":"claude","max_tokens":100,"system":[{"type":"text","text":"Be brief."}],%s,"messages":[
          {"role":"user","content":"hi"},%s,
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"none","is_error":true},
                                    {"type":"text","text":"and?"}]}]}
        """.formatted(TOOLS, TOOL_USE));

    assertThat(request.messages()).containsExactly(
        new ChatMessage.System("Be brief."),
        new ChatMessage.User("hi"),
        new ChatMessage.Assistant("looking", java.util.List.of(new io.botburrow.llm.ToolCall("toolu_1", "hub_search",
            "{\"query\":\"x\"}"))),
        new ChatMessage.ToolResult("toolu_1", "hub_search", "none", true),
        new ChatMessage.User("and?"));
    assertThat(request.maxTokens()).isEqualTo(100);
  }

  @Test
  void requiresTheVersionHeader() {
    assertThatThrownBy(() -> wire.read(mapper.readTree(body("[{\"role\":\"user\",\"content\":\"x\"}]")), Map.of()))
        .hasMessageContaining("anthropic-version");
  }

  @Test
  void requiresModelMaxTokensAndMessages() {
    assertRejected("{\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model");
    assertRejected("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "max_tokens");
    assertRejected("{\"model\":\"c\",\"max_tokens\":1,\"messages\":[]}", "messages");
  }

  @Test
  void rejectsASystemRoleInsideMessages() {
    assertRejected(body("[{\"role\":\"system\",\"content\":\"x\"}]"), "Input should be 'user' or 'assistant'");
  }

  @Test
  void rejectsAToolResultWithoutAMatchingToolUseInThePreviousMessage() {
    assertRejected(body("""
        [{"role":"user","content":"hi"},%s,
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_X","content":"r"}]}]
        """.formatted(TOOL_USE)), "unexpected `tool_use_id` found in `tool_result` blocks: toolu_X");
  }

  @Test
  void rejectsAToolUseNotAnsweredInTheNextMessage() {
    assertRejected(body("[{\"role\":\"user\",\"content\":\"hi\"}," + TOOL_USE
        + ",{\"role\":\"user\",\"content\":\"ignored the tool\"}]"), "`tool_use` ids were found without `tool_result`");
    assertRejected(body("[{\"role\":\"user\",\"content\":\"hi\"}," + TOOL_USE + "]"), "toolu_1");
  }

  @Test
  void rejectsAToolUseOfAnUnknownToolOrWithNonObjectInput() {
    assertRejected(body("""
        [{"role":"user","content":"hi"},{"role":"assistant","content":[
          {"type":"tool_use","id":"t","name":"shell","input":{}}]}]"""), "tool 'shell' is not among the tools");
    assertRejected(body("""
        [{"role":"user","content":"hi"},{"role":"assistant","content":[
          {"type":"tool_use","id":"t","name":"hub_search","input":"{}"}]}]"""), "Input should be a valid dictionary");
  }

  @Test
  void rejectsDuplicateToolNamesAndToolsWithoutSchema() {
    assertRejected("""
        {"model":"c","max_tokens":1,"tools":[{"name":"a","input_schema":{}},{"name":"a","input_schema":{}}],
         "messages":[{"role":"user","content":"x"}]}""", "'a' appears more than once");
    assertRejected("""
        {"model":"c","max_tokens":1,"tools":[{"name":"a"}],"messages":[{"role":"user","content":"x"}]}""",
        "input_schema");
  }
}
