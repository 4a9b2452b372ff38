package io.botburrow.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.PriceTable;
import io.botburrow.llm.resilience.LlmResilience;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelsFactoryTest {

  @Test
  void runnersGetChatModelsWithResilienceFromConfiguration() {
    try (var context = ApplicationContext.run(Map.of(
        "botburrow.llm.resilience.max-attempts", "2",
        "botburrow.llm.resilience.max-retry-after", "5s"), "runner")) {

      assertThat(context.getBean(ChatModels.class)).isNotNull();
      assertThat(context.getBean(PriceTable.class).price("gpt-4o")).isPresent();
      var resilience = context.getBean(LlmResilience.class);
      assertThat(resilience.maxAttempts()).isEqualTo(2);
      assertThat(resilience.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
      assertThat(resilience.initialBackoff()).isEqualTo(LlmResilience.defaults().initialBackoff());
    }
  }

  @Test
  void otherServicesDoNotBuildThem() {
    try (var context = ApplicationContext.run("hub")) {
      assertThat(context.containsBean(ChatModels.class)).isFalse();
    }
  }
}
