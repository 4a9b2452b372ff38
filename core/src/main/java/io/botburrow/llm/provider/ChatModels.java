package io.botburrow.llm.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.anthropic.AnthropicChatModel;
import io.botburrow.llm.http.ProviderHttp;
import io.botburrow.llm.openai.OpenAiChatModel;
import io.botburrow.llm.resilience.LlmResilience;
import io.botburrow.llm.resilience.ResilientChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the resilient adapter for an {@link LlmEndpoint} and keeps it: one adapter per endpoint
 * (key and timeout included) and one circuit breaker per provider endpoint (provider and base URL),
 * shared by every agent that uses it. Thread-safe.
 */
public final class ChatModels {
  private final ObjectMapper mapper;
  private final LlmResilience resilience;
  private final Clock clock;
  private final ProviderHttp http;
  private final CircuitBreakerRegistry breakers;
  private final Map<LlmEndpoint, ChatModel> models = new ConcurrentHashMap<>();

  public ChatModels(ObjectMapper mapper, LlmResilience resilience, Clock clock) {
    this(HttpClient.newBuilder().connectTimeout(resilience.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build(), mapper, resilience, clock);
  }

  public ChatModels(HttpClient client, ObjectMapper mapper, LlmResilience resilience, Clock clock) {
    this.mapper = mapper;
    this.resilience = resilience;
    this.clock = clock;
    this.http = new ProviderHttp(client, mapper, clock);
    this.breakers = CircuitBreakerRegistry.of(breakerConfig(resilience, clock));
  }

  /** The resilient model for {@code endpoint}; the same instance for equal endpoints. */
  public ChatModel forEndpoint(LlmEndpoint endpoint) {
    return models.computeIfAbsent(endpoint, this::build);
  }

  /** The state of the endpoint's circuit: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}... */
  public String circuitState(LlmEndpoint endpoint) {
    return breaker(endpoint).getState().name();
  }

  private ChatModel build(LlmEndpoint endpoint) {
    ChatModel adapter = switch (endpoint.provider()) {
      case LlmEndpoint.ANTHROPIC -> new AnthropicChatModel(endpoint, http, mapper);
      default -> new OpenAiChatModel(endpoint, http, mapper);
    };
    return new ResilientChatModel(adapter, endpoint.name(), resilience, breaker(endpoint), clock);
  }

  private CircuitBreaker breaker(LlmEndpoint endpoint) {
    return breakers.circuitBreaker(endpoint.name());
  }

  private static CircuitBreakerConfig breakerConfig(LlmResilience config, Clock clock) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(config.failureRateThreshold())
        .slidingWindowSize(config.slidingWindowSize())
        .minimumNumberOfCalls(config.minimumNumberOfCalls())
        .waitDurationInOpenState(config.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(1)
        // a refused request says nothing about the endpoint's health
        .recordException(error -> error instanceof io.botburrow.llm.LlmException llm && llm.retryable())
        .clock(clock)
        .build();
  }
}
