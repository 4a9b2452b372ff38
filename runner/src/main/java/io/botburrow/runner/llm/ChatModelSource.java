package io.botburrow.runner.llm;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The model one activation talks to: every call goes through the runner's embedded LLM gateway. */
public interface ChatModelSource {

  /**
   * The model for one activation of an agent, on {@code route} with the agent's fallbacks.
   *
   * @param scope who calls and within which limits; the gateway's token for it expires at its deadline
   */
  ChatModel model(ModelRoute route, Scope scope);

  /**
   * {@link #model(ModelRoute, Scope)} whose calls are told to {@code observer}. By default the deployment
   * is named by the model that answered and no fallbacks are known; the gateway's source knows both.
   */
  default ChatModel model(ModelRoute route, Scope scope, ModelCallObserver observer) {
    ChatModel model = model(route, scope);
    return request -> {
      long started = System.nanoTime();
      try {
        var response = model.chat(request);
        observer.served(request, response, response.model() == null ? request.model() : response.model(), List.of(),
            java.time.Duration.ofNanos(System.nanoTime() - started));
        return response;
      } catch (RuntimeException e) {
        observer.failed(request, e, java.time.Duration.ofNanos(System.nanoTime() - started));
        throw e;
      }
    };
  }

  /** Estimated USD cost of {@code usage} on {@code model}; 0 when unknown (the gateway counts those apart). */
  double cost(String model, Usage usage);

  /**
   * The agent's budget health where this source keeps the agent's budgets (the gateway, when the
   * operator set daily or monthly budgets there); empty when it does not, and the Hub's is the one to
   * ask. Blocks on the budget store.
   */
  default Optional<BudgetHealth> budgetHealth(String agent) {
    return Optional.empty();
  }

  /**
   * @param fallbackModels models to try after the route's, in order (brain.fallback_models)
   * @param tokenLimit tokens the whole activation may use (behavior.limits.max_tokens_per_activation)
   */
  record Scope(String agent, String activationId, Instant deadline, long tokenLimit, List<String> fallbackModels) {
    public Scope {
      fallbackModels = fallbackModels == null ? List.of() : List.copyOf(fallbackModels);
    }
  }
}
