package io.botburrow.gateway.provider.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.gateway.stream.StreamingChatModel;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.gateway.provider.http.ProviderHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Anthropic Messages API ({@code POST {base}/v1/messages}) over the JDK HTTP client. One attempt per
 * call: retries and the circuit breaker are added by a wrapper.
 */
public final class AnthropicChatModel implements StreamingChatModel {
  public static final String API_VERSION = "2023-06-01";

  private final LlmEndpoint endpoint;
  private final ProviderHttp http;
  private final AnthropicCodec codec;
  private final URI messagesUri;

  public AnthropicChatModel(LlmEndpoint endpoint, ProviderHttp http, ObjectMapper mapper) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    if (!LlmEndpoint.ANTHROPIC.equals(endpoint.provider())) {
      throw new IllegalArgumentException("not an Anthropic endpoint: " + endpoint);
    }
    this.http = Objects.requireNonNull(http, "http");
    this.codec = new AnthropicCodec(mapper);
    this.messagesUri = messagesUri(endpoint);
  }

  /** Accepts both {@code https://api.anthropic.com} and {@code https://api.anthropic.com/v1}. */
  static URI messagesUri(LlmEndpoint endpoint) {
    var path = endpoint.baseUrl().getPath();
    boolean hasVersion = path != null && (path.endsWith("/v1") || path.endsWith("/v1/"));
    return endpoint.resolve(hasVersion ? "/messages" : "/v1/messages");
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var body = http.post(endpoint, messagesUri, headers(), codec.encode(request));
    return codec.decode(body, request.model());
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamSink sink) {
    var body = codec.encode(request);
    body.put("stream", true);
    var assembler = new ResponseAssembler(sink);
    var events = new AnthropicStreamReader(codec, assembler, endpoint.name());
    http.postStream(endpoint, messagesUri, headers(), body, new ProviderHttp.EventHandler() {
      @Override
      public void event(String name, String data) {
        events.event(name, data);
      }

      @Override
      public void drained() {
        sink.flush();
      }

      @Override
      public boolean complete() {
        return events.stopped();
      }
    });
    if (!events.stopped()) {
      throw new LlmException(endpoint.name() + " stream ended before message_stop", 0, true, null);
    }
    return assembler.response(request.model());
  }

  private Map<String, String> headers() {
    var headers = new LinkedHashMap<String, String>();
    headers.put("anthropic-version", API_VERSION);
    if (endpoint.hasApiKey()) {
      headers.put("x-api-key", endpoint.apiKey());
    }
    return headers;
  }

  public LlmEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public String toString() {
    return "AnthropicChatModel[" + endpoint.name() + "]";
  }
}
