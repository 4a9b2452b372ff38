package io.botburrow.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.provider.anthropic.AnthropicChatModel;
import io.botburrow.gateway.provider.gemini.GeminiChatModel;
import io.botburrow.gateway.provider.http.Http1Client;
import io.botburrow.gateway.provider.http.ProviderHttp;
import io.botburrow.gateway.provider.openai.OpenAiChatModel;
import io.botburrow.gateway.stream.StreamingChatModel;
import io.botburrow.llm.LlmEndpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider adapter of each endpoint (provider, URL, key, timeout), built once; all share one pool of
 * kept-alive connections. Thread-safe.
 */
public final class ModelAdapters {
  private final ObjectMapper mapper;
  private final ProviderHttp http;
  private final Map<String, StreamingChatModel> adapters = new ConcurrentHashMap<>();

  public ModelAdapters(ObjectMapper mapper, Clock clock, Duration connectTimeout) {
    this(mapper, clock, connectTimeout, ProviderHttp.DEFAULT_STREAM_IDLE_TIMEOUT);
  }

  /** @param streamIdleTimeout a stream silent this long after it began is cut */
  public ModelAdapters(ObjectMapper mapper, Clock clock, Duration connectTimeout, Duration streamIdleTimeout) {
    this.mapper = mapper;
    this.http = new ProviderHttp(new Http1Client(connectTimeout), mapper, clock, streamIdleTimeout);
  }

  /** Kept for callers built on the JDK client: only its connect timeout is used. */
  @Deprecated
  public ModelAdapters(HttpClient client, ObjectMapper mapper, Clock clock) {
    this(mapper, clock, client.connectTimeout().orElse(Duration.ofSeconds(10)));
  }

  public StreamingChatModel forDeployment(Deployment deployment) {
    // a string key: hashing the endpoint record (URI, Duration) on every call costs more than the call's JSON
    var key = deployment.provider() + '\n' + deployment.baseUrl() + '\n' + deployment.timeout().toMillis() + '\n'
        + deployment.apiKey();
    var adapter = adapters.get(key);
    return adapter != null ? adapter : adapters.computeIfAbsent(key, k -> build(deployment.endpoint()));
  }

  private StreamingChatModel build(LlmEndpoint endpoint) {
    return switch (endpoint.provider()) {
      case LlmEndpoint.ANTHROPIC -> new AnthropicChatModel(endpoint, http, mapper);
      case LlmEndpoint.GEMINI -> new GeminiChatModel(endpoint, http, mapper);
      default -> new OpenAiChatModel(endpoint, http, mapper);
    };
  }
}
