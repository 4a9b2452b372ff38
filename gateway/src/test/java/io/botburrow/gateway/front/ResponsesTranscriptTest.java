package io.botburrow.gateway.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.ToolSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesTranscriptTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private List<ChatMessage> read(String items) throws Exception {
    var transcript = new ResponsesTranscript(new ToolSchemas(mapper));
    JsonNode input = mapper.readTree(items);
    for (int i = 0; i < input.size(); i++) {
      transcript.item(input.get(i), "input[" + i + "]");
    }
    transcript.finish();
    return transcript.messages();
  }

  @Test
  void assistantTextAndTheCallsAfterItAreOneTurnAndEachOutputNamesItsCall() throws Exception {
    var messages = read("""
        [{"role":"user","content":"list and read"},
         {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Looking."}]},
         {"type":"function_call","call_id":"c1","name":"ls","arguments":"{}"},
         {"type":"custom_tool_call","call_id":"c2","name":"apply_patch","input":"*** Begin"},
         {"type":"reasoning","encrypted_content":"gAAAA"},
         {"type":"function_call_output","call_id":"c1","output":"README.md"},
         {"type":"custom_tool_call_output","call_id":"c2","output":[{"type":"input_text","text":"done"}]}]
        """);

    assertThat(messages).containsExactly(new ChatMessage.User("list and read"),
        new ChatMessage.Assistant("Looking.", List.of(new ToolCall("c1", "ls", "{}"),
            new ToolCall("c2", "apply_patch", "{\"input\":\"*** Begin\"}"))),
        new ChatMessage.ToolResult("c1", "ls", "README.md", false),
        new ChatMessage.ToolResult("c2", "apply_patch", "done", false));
  }

  @Test
  void aMessageBeforeACallHasItsOutputIsRefused() {
    assertThatThrownBy(() -> read("""
        [{"type":"function_call","call_id":"c1","name":"ls","arguments":"{}"},
         {"role":"user","content":"and?"}]
        """)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("No tool output found for function call c1.");
          assertThat(e.param()).isEqualTo("input[1]");
        });
  }

  @Test
  void anOutputWithoutItsCallAndNonTextContentAreRefusedWhereTheyAre() {
    assertThatThrownBy(() -> read("[{\"type\":\"function_call_output\",\"call_id\":\"c9\",\"output\":\"x\"}]"))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).isEqualTo("input[0].call_id"));
    assertThatThrownBy(() -> read("[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"x\"}]}]"))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.param()).isEqualTo("input[0].content[0].type"));
  }
}
