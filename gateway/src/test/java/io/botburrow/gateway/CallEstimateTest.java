package io.botburrow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallEstimateTest {

  @Test
  void theInputIsAQuarterOfItsCharactersWithEachMessagesOverheadAndTheToolsAndCallsCounted() {
    var request = new ChatRequest("m", List.of(new ChatMessage.System("x".repeat(40)),
        new ChatMessage.Assistant("ok", List.of(new ToolCall("c1", "ls", "{}"))),
        new ChatMessage.ToolResult("c1", "ls", "README", false)),
        List.of(new ToolSpec("ls", "list", Map.of("type", "object"))), 1.0, 500);

    // (40 + 16) + (2 + 2 + 2 + 16) + (6 + 16) + (2 + 4 + "{type=object}".length()) = 119 characters
    assertThat(CallEstimate.of(request)).isEqualTo(new CallEstimate(119 / 4 + 1, 500));
    assertThat(CallEstimate.of(request).total()).isEqualTo(530);
  }

  @Test
  void withoutATokenLimitTheOutputIsTheMessagesApisDefault() {
    var request = new ChatRequest("m", List.of(new ChatMessage.User("hi")), List.of(), 1.0, 0);

    assertThat(CallEstimate.of(request).output()).isEqualTo(CallEstimate.DEFAULT_MAX_OUTPUT).isEqualTo(4096);
  }
}
