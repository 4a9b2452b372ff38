package io.botburrow.runner.llm;

import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import java.time.Duration;
import java.util.List;

/** Hears of every model call of an activation, with who served it (the audit trail). Must not throw or block long. */
public interface ModelCallObserver {
  ModelCallObserver NONE = new ModelCallObserver() {};

  /** A deployment that was tried before the one that served, and why it did not. */
  record Skipped(String deployment, String reason) {}

  /**
   * @param request the request, or null where it is not known (a CLI agent's call through the gateway front)
   * @param deployment the deployment that served, by its gateway name
   * @param took from request to answer, or null where it is not known
   * @param skipped deployments tried first that failed or were resting (fallbacks), in order
   */
  default void served(ChatRequest request, ChatResponse response, String deployment, List<Skipped> skipped, Duration took) {}

  /** The call failed or was refused (a spent budget, every deployment failing). */
  default void failed(ChatRequest request, RuntimeException failure, Duration took) {}
}
