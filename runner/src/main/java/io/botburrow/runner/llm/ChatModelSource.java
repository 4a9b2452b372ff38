package io.botburrow.runner.llm;

import io.botburrow.llm.ChatModel;
import io.botburrow.llm.Usage;

/** Builds (and caches) resilient chat models per route, and prices their usage. */
public interface ChatModelSource {

  ChatModel model(ModelRoute route);

  /** Estimated USD cost of {@code usage} on {@code model}; 0 when unknown (e.g. a local model). */
  double cost(String model, Usage usage);
}
