package io.botburrow.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries models in order: the next one is asked only when the previous failed with a retryable error
 * (its retries exhausted, or its circuit open). A refused request (400, 401...) is thrown at once, as
 * another model would refuse it too or hide a configuration error. The request's own model name is
 * replaced by each candidate's; {@link ChatResponse#model()} names the one that answered.
 */
public final class FallbackChatModel implements ChatModel {
  private static final Logger LOG = LoggerFactory.getLogger(FallbackChatModel.class);

  /** One model to try: its name and the (resilient) adapter of its endpoint. */
  public record Candidate(String model, ChatModel chatModel) {
    public Candidate {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(chatModel, "chatModel");
    }
  }

  private final List<Candidate> candidates;

  public FallbackChatModel(List<Candidate> candidates) {
    this.candidates = List.copyOf(candidates);
    if (this.candidates.isEmpty()) {
      throw new IllegalArgumentException("at least one model is needed");
    }
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var failures = new ArrayList<LlmException>();
    for (int i = 0; i < candidates.size(); i++) {
      var candidate = candidates.get(i);
      try {
        return answeredBy(candidate, candidate.chatModel().chat(withModel(request, candidate.model())));
      } catch (LlmException e) {
        if (!e.retryable()) {
          throw e;
        }
        failures.add(e);
        if (i + 1 < candidates.size()) {
          LOG.warn("LLM(model={}) unavailable ({}); falling back to {}", candidate.model(), e.getMessage(),
              candidates.get(i + 1).model());
        }
      }
    }
    throw allFailed(failures);
  }

  private static ChatRequest withModel(ChatRequest request, String model) {
    return new ChatRequest(model, request.messages(), request.tools(), request.temperature(), request.maxTokens());
  }

  private static ChatResponse answeredBy(Candidate candidate, ChatResponse response) {
    if (!response.model().isBlank()) {
      return response;
    }
    return new ChatResponse(response.content(), response.toolCalls(), response.usage(), response.finishReason(),
        candidate.model());
  }

  private LlmException allFailed(List<LlmException> failures) {
    var last = failures.getLast();
    var names = candidates.stream().map(Candidate::model).toList();
    var error = new LlmException("all models failed " + names + "; last: " + last.getMessage(), last.status(), true,
        last.retryAfter().orElse(null), last);
    failures.subList(0, failures.size() - 1).forEach(error::addSuppressed);
    return error;
  }
}
