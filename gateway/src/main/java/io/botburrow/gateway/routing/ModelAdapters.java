package io.botburrow.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.provider.anthropic.AnthropicChatModel;
import io.botburrow.gateway.provider.gemini.GeminiChatModel;
import io.botburrow.gateway.provider.http.ProviderHttp;
import io.botburrow.gateway.provider.openai.OpenAiChatModel;
import io.botburrow.gateway.stream.StreamingChatModel;
import io.botburrow.llm.LlmEndpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The provider adapter of each endpoint (provider, URL, key, timeout), built once. Thread-safe. */
public final class ModelAdapters {
  private final ObjectMapper mapper;
  private final ProviderHttp http;
  private final Map<LlmEndpoint, StreamingChatModel> adapters = new ConcurrentHashMap<>();

  public ModelAdapters(ObjectMapper mapper, Clock clock, Duration connectTimeout) {
    this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build(),
        mapper, clock);
  }

  public ModelAdapters(HttpClient client, ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.http = new ProviderHttp(client, mapper, clock);
  }

  public StreamingChatModel forDeployment(Deployment deployment) {
    return adapters.computeIfAbsent(deployment.endpoint(), this::build);
  }

  private StreamingChatModel build(LlmEndpoint endpoint) {
    return switch (endpoint.provider()) {
      case LlmEndpoint.ANTHROPIC -> new AnthropicChatModel(endpoint, http, mapper);
      case LlmEndpoint.GEMINI -> new GeminiChatModel(endpoint, http, mapper);
      default -> new OpenAiChatModel(endpoint, http, mapper);
    };
  }
}
