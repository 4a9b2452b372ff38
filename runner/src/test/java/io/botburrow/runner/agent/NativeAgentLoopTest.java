package io.botburrow.runner.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAgentLoopTest {
  private final NativeAgentLoop loop = new NativeAgentLoop(Clock.systemUTC());
  private final List<ChatRequest> seen = new ArrayList<>();
  private final Deque<ChatResponse> script = new ArrayDeque<>();
  private final List<Usage> metered = new ArrayList<>();
  private BudgetExceededException budgetSpentAfterScript;
  private final ChatModel model =
      req -> {
        seen.add(req);
        if (script.isEmpty() && budgetSpentAfterScript != null) {
          throw budgetSpentAfterScript;
        }
        if (script.isEmpty()) {
          throw new LlmException("provider answered 503", 503, true, null);
        }
        return script.removeFirst();
      };

  private static ChatResponse text(String t) {
    return new ChatResponse(t, List.of(), new Usage(10, 5), "stop", "m");
  }

  private static ChatResponse calls(ToolCall... calls) {
    return new ChatResponse("", List.of(calls), new Usage(20, 7), "tool_calls", "m");
  }

  private static AgentTool echoTool() {
    return new AgentTool() {
      public ToolSpec spec() {
        return new ToolSpec("echo", "echoes", Map.of("type", "object"));
      }

      public ToolOutcome invoke(String args) {
        return ToolOutcome.ok("echo:" + args);
      }
    };
  }

  private LoopResult run(int maxIterations, long maxTokens) {
    return loop.run(
        model,
        new NativeAgentLoop.ModelSettings("m", 0.2, 100),
        List.of(new ChatMessage.System("sys"), new ChatMessage.User("hi")),
        List.of(echoTool()),
        new LoopLimits(maxIterations, maxTokens, Instant.now().plusSeconds(60)),
        (m, u) -> u.total() / 1000.0,
        (m, u, cost) -> metered.add(u));
  }

  @Test
  void completesWhenTheModelAnswersWithoutCallingTools() {
    script.add(text("hello there"));

    LoopResult r = run(5, 10_000);

    assertThat(r.finalText()).isEqualTo("hello there");
    assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(r.usage()).isEqualTo(new Usage(10, 5));
    assertThat(r.costUsd()).isEqualTo(0.015);
  }

  @Test
  void feedsToolResultsBackWithTheCallIdsTheModelGave() {
    script.add(calls(new ToolCall("call_1", "echo", "{\"x\":1}"), new ToolCall("call_2", "nope", "{}")));
    script.add(text("done"));

    LoopResult r = run(5, 10_000);

    assertThat(r.iterations()).isEqualTo(2);
    assertThat(r.usage()).isEqualTo(new Usage(30, 12));
    List<ChatMessage> second = seen.get(1).messages();
    assertThat(second.get(2)).isInstanceOf(ChatMessage.Assistant.class);
    ChatMessage.ToolResult first = (ChatMessage.ToolResult) second.get(3);
    ChatMessage.ToolResult unknown = (ChatMessage.ToolResult) second.get(4);
    assertThat(first.toolCallId()).isEqualTo("call_1");
    assertThat(first.content()).isEqualTo("echo:{\"x\":1}");
    assertThat(unknown.toolCallId()).isEqualTo("call_2");
    assertThat(unknown.isError()).isTrue();
    assertThat(unknown.content()).contains("Unknown tool 'nope'");
    assertThat(seen.get(0).tools()).extracting(ToolSpec::name).containsExactly("echo");
  }

  @Test
  void stopsAfterMaxIterationsEvenIfTheModelKeepsCallingTools() {
    for (int i = 0; i < 5; i++) {
      script.add(calls(new ToolCall("c" + i, "echo", "{}")));
    }

    LoopResult r = run(3, 10_000);

    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(seen).hasSize(3);
  }

  @Test
  void stopsWhenTheTokenBudgetIsSpent() {
    for (int i = 0; i < 5; i++) {
      script.add(calls(new ToolCall("c" + i, "echo", "{}")));
    }

    LoopResult r = run(10, 50);

    assertThat(r.stopReason()).isEqualTo(StopReason.TOKEN_BUDGET);
    assertThat(seen).hasSize(2);
    assertThat(r.usage().total()).isEqualTo(54);
  }

  @Test
  void aCallRefusedForASpentBudgetEndsTheLoopWithTheBudgetStopAndNoAnswer() {
    script.add(new ChatResponse("Let me check.", List.of(new ToolCall("c1", "echo", "{}")), new Usage(20, 7),
        "tool_calls", "m"));
    budgetSpentAfterScript = new BudgetExceededException(BudgetExceededException.Scope.AGENT_DAY, 5.2, 5, "USD");

    LoopResult r = run(10, 10_000);

    assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(r.budget()).isSameAs(budgetSpentAfterScript);
    assertThat(r.finalText()).isEmpty();
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.usage()).isEqualTo(new Usage(20, 7));
    assertThat(metered).containsExactly(new Usage(20, 7));
  }

  @Test
  void metersEveryModelCallAsItReturnsAlsoWhenALaterCallFails() {
    script.add(calls(new ToolCall("c1", "echo", "{}")));
    script.add(calls(new ToolCall("c2", "echo", "{}")));

    assertThatThrownBy(() -> run(10, 10_000)).isInstanceOf(LlmException.class);

    assertThat(metered).containsExactly(new Usage(20, 7), new Usage(20, 7));
  }
}
