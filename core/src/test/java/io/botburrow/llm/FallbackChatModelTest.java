package io.botburrow.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.llm.resilience.CircuitOpenException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackChatModelTest {
  private static final ChatRequest REQUEST =
      new ChatRequest("ignored", List.of(new ChatMessage.User("hi")), List.of(), 0.5, 100);

  /** Answers with the model it was asked for, or fails with the given error. */
  private static final class FakeModel implements ChatModel {
    private final LlmException error;
    final List<String> askedFor = new ArrayList<>();

    FakeModel(LlmException error) {
      this.error = error;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      askedFor.add(request.model());
      if (error != null) {
        throw error;
      }
      return new ChatResponse("from " + request.model(), List.of(), new Usage(10, 2), "stop", "");
    }
  }

  @Test
  void fallsBackWhenThePrimaryFailsWithARetryableError() {
    var primary = new FakeModel(new LlmException("503", 503, true, null));
    var secondary = new FakeModel(null);
    var model = new FallbackChatModel(List.of(
        new FallbackChatModel.Candidate("gpt-4o", primary), new FallbackChatModel.Candidate("claude-3-5-haiku", secondary)));

    var response = model.chat(REQUEST);

    assertThat(response.content()).isEqualTo("from claude-3-5-haiku");
    assertThat(response.model()).isEqualTo("claude-3-5-haiku");
    assertThat(primary.askedFor).containsExactly("gpt-4o");
  }

  @Test
  void fallsBackWhenThePrimaryCircuitIsOpen() {
    var model = new FallbackChatModel(List.of(
        new FallbackChatModel.Candidate("a", new FakeModel(new CircuitOpenException("openai:http://a", null))),
        new FallbackChatModel.Candidate("b", new FakeModel(null))));

    assertThat(model.chat(REQUEST).model()).isEqualTo("b");
  }

  @Test
  void aRefusedRequestIsThrownWithoutTryingOthers() {
    var secondary = new FakeModel(null);
    var model = new FallbackChatModel(List.of(
        new FallbackChatModel.Candidate("a", new FakeModel(new LlmException("bad request", 400, false, null))),
        new FallbackChatModel.Candidate("b", secondary)));

    assertThatThrownBy(() -> model.chat(REQUEST)).isInstanceOfSatisfying(LlmException.class,
        e -> assertThat(e.status()).isEqualTo(400));
    assertThat(secondary.askedFor).isEmpty();
  }

  @Test
  void whenAllFailTheErrorNamesThemAndStaysRetryable() {
    var model = new FallbackChatModel(List.of(
        new FallbackChatModel.Candidate("a", new FakeModel(new LlmException("a down", 503, true, null))),
        new FallbackChatModel.Candidate("b", new FakeModel(new LlmException("b down", 502, true, null)))));

    assertThatThrownBy(() -> model.chat(REQUEST))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.getSuppressed()).hasSize(1);
        })
        .hasMessageContaining("[a, b]").hasMessageContaining("b down");
  }
}
