package io.botburrow.llm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import org.junit.jupiter.api.Test;

class OpenAiRequestReaderTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final OpenAiRequestReader reader = new OpenAiRequestReader(mapper);

  private static final String TOOLS = """
      "tools":[{"type":"function","function":{"name":"hub_search","parameters":{"type":"object"}}},
               {"type":"function","function":{"name":"hub_post","parameters":{"type":"object"}}}]""";

  private ChatRequest read(String json) throws Exception {
    return reader.read(mapper.readTree(json));
  }

  private void assertRejected(String json, String messagePart, String param) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.param()).isEqualTo(param))
        .hasMessageContaining(messagePart);
  }

  @Test
  void acceptsACorrectToolTranscriptAndConvertsIt() throws Exception {
    var request = read("""
        {"model":"m",%s,"temperature":0.3,"max_tokens":64,"messages":[
          {"role":"system","content":"sys"},
          {"role":"user","content":[{"type":"text","text":"hi"}]},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{\\"query\\":\\"x\\"}"}},
            {"id":"b","type":"function","function":{"name":"hub_post","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"b","content":"posted"},
          {"role":"tool","tool_call_id":"a","content":"[]"},
          {"role":"assistant","content":"done"}]}
        """.formatted(TOOLS));

    assertThat(request.messages()).hasSize(6);
    assertThat(request.messages().get(3)).isEqualTo(new ChatMessage.ToolResult("b", "hub_post", "posted", false));
    assertThat(request.tools()).extracting("name").containsExactly("hub_search", "hub_post");
    assertThat(request.maxTokens()).isEqualTo(64);
    assertThat(request.temperature()).isEqualTo(0.3);
  }

  @Test
  void rejectsAMissingModel() {
    assertRejected("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model", "model");
  }

  @Test
  void rejectsMissingOrEmptyMessages() {
    assertRejected("{\"model\":\"m\"}", "'messages'", "messages");
    assertRejected("{\"model\":\"m\",\"messages\":[]}", "empty array", "messages");
  }

  @Test
  void rejectsAnUnknownRole() {
    assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
        "Invalid value: 'robot'", "messages[0].role");
  }

  @Test
  void rejectsAToolMessageWhoseIdMatchesNoPrecedingCall() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"zzz","content":"r"}]}
        """.formatted(TOOLS), "must be a response to a preceding message with 'tool_calls'", "messages[2].tool_call_id");
  }

  @Test
  void rejectsAToolMessageThatDoesNotFollowToolCalls() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},{"role":"tool","tool_call_id":"a","content":"r"}]}
        """.formatted(TOOLS), "must be a response", "messages[1].tool_call_id");
  }

  @Test
  void rejectsAToolCallTurnNotAnsweredForEveryIdBeforeTheNextMessage() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{}"}},
            {"id":"b","type":"function","function":{"name":"hub_post","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"a","content":"r"},
          {"role":"user","content":"next"}]}
        """.formatted(TOOLS), "did not have response messages: b", "messages[3].role");
  }

  @Test
  void rejectsUnansweredToolCallsAtTheEndOfTheTranscript() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{}"}}]}]}
        """.formatted(TOOLS), "did not have response messages: a", "messages");
  }

  @Test
  void rejectsAToolCallToAFunctionNotInTools() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"rm_rf","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"a","content":"r"}]}
        """.formatted(TOOLS), "'rm_rf' is not among the tools", "messages[1].tool_calls[0].function.name");
  }

  @Test
  void rejectsArgumentsThatAreNotAJsonString() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":{"query":"x"}}}]},
          {"role":"tool","tool_call_id":"a","content":"r"}]}
        """.formatted(TOOLS), "expected a string, but got object", "messages[1].tool_calls[0].function.arguments");
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{query: x"}}]},
          {"role":"tool","tool_call_id":"a","content":"r"}]}
        """.formatted(TOOLS), "not valid JSON", "messages[1].tool_calls[0].function.arguments");
  }

  @Test
  void rejectsDuplicateToolNames() {
    assertRejected("""
        {"model":"m","tools":[{"type":"function","function":{"name":"t"}},{"type":"function","function":{"name":"t"}}],
         "messages":[{"role":"user","content":"x"}]}
        """, "'t' appears more than once", "tools");
  }

  @Test
  void rejectsAnAssistantMessageWithNeitherContentNorToolCalls() {
    assertRejected("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\"}]}",
        "expected a string, got null", "messages[1].content");
  }

  @Test
  void rejectsAnsweringTheSameCallTwice() {
    assertRejected("""
        {"model":"m",%s,"messages":[{"role":"user","content":"x"},
          {"role":"assistant","content":null,"tool_calls":[
            {"id":"a","type":"function","function":{"name":"hub_search","arguments":"{}"}}]},
          {"role":"tool","tool_call_id":"a","content":"r"},
          {"role":"tool","tool_call_id":"a","content":"again"}]}
        """.formatted(TOOLS), "no pending call has id 'a'", "messages[3].tool_call_id");
  }
}
