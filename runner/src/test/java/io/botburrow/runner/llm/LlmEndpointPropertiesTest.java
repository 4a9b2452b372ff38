package io.botburrow.runner.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmEndpointPropertiesTest {

  @Test
  void theOperatorsEndpointsAreReadFromConfiguration() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(
        "botburrow.llm.endpoints.ollama.url", "http://10.0.0.5:11434/v1",
        "botburrow.llm.endpoints.openai.api-key-envs", "OPENAI_API_KEY,TEAM_A_KEY"))) {
      List<LlmEndpointProperties> configured = List.copyOf(context.getBeansOfType(LlmEndpointProperties.class));
      LlmProperties props = context.getBean(LlmProperties.class);

      AllowedEndpoints endpoints = AllowedEndpoints.from(props, configured, Map.<String, String>of()::get);

      assertThat(endpoints.named("ollama")).get()
          .isEqualTo(new AllowedEndpoint("ollama", "openai", URI.create("http://10.0.0.5:11434/v1"), List.of()));
      assertThat(endpoints.named("openai")).get()
          .isEqualTo(new AllowedEndpoint("openai", "openai", URI.create("https://api.openai.com/v1"), List.of("OPENAI_API_KEY", "TEAM_A_KEY")));
      assertThat(endpoints.names()).containsExactly("openai", "anthropic", "gemini", "ollama");
    }
  }
}
