package io.botburrow.runner.llm;

import io.botburrow.llm.ChatModel;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.PriceTable;
import io.botburrow.llm.Usage;
import io.botburrow.llm.provider.ChatModels;
import java.time.Duration;

/** {@link ChatModelSource} over the provider adapters (retry and circuit breaker per endpoint). */
public final class ProviderChatModelSource implements ChatModelSource {
  private final ChatModels models;
  private final PriceTable prices;
  private final Duration timeout;

  public ProviderChatModelSource(ChatModels models, PriceTable prices, Duration timeout) {
    this.models = models;
    this.prices = prices;
    this.timeout = timeout;
  }

  @Override
  public ChatModel model(ModelRoute route) {
    return models.forEndpoint(new LlmEndpoint(route.provider(), route.baseUrl(), route.apiKey(), timeout));
  }

  @Override
  public double cost(String model, Usage usage) {
    return prices.cost(model, usage);
  }
}
