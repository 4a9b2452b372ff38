package io.botburrow.llm.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.PriceTable;
import io.botburrow.llm.resilience.LlmResilience;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** LLM beans for runners: the per-endpoint model cache and the price table. */
@Factory
@Requires(env = "runner")
public class ChatModelsFactory {

  @Singleton
  ChatModels chatModels(ObjectMapper mapper, LlmResilience resilience, Clock clock) {
    return new ChatModels(mapper, resilience, clock);
  }

  @Singleton
  PriceTable priceTable() {
    return PriceTable.defaults();
  }
}
