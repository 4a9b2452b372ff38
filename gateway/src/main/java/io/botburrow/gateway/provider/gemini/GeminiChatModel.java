package io.botburrow.gateway.provider.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.provider.http.ProviderHttp;
import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.gateway.stream.StreamingChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Google Gemini ({@code POST {base}/models/{model}:generateContent}, streaming with {@code
 * :streamGenerateContent?alt=sse}); the key goes in the {@code x-goog-api-key} header. One attempt per
 * call.
 */
public final class GeminiChatModel implements StreamingChatModel {
  private final LlmEndpoint endpoint;
  private final ProviderHttp http;
  private final GeminiCodec codec;
  private final ObjectMapper mapper;

  public GeminiChatModel(LlmEndpoint endpoint, ProviderHttp http, ObjectMapper mapper) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.http = Objects.requireNonNull(http, "http");
    this.codec = new GeminiCodec(mapper);
    this.mapper = mapper;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var body = http.post(endpoint, uri(request.model(), ":generateContent"), headers(), codec.encode(request));
    var assembler = new ResponseAssembler(StreamSink.NONE);
    codec.decode(body, assembler, new int[1]);
    return assembler.response(request.model());
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamSink sink) {
    var assembler = new ResponseAssembler(sink);
    var calls = new int[1];
    http.postStream(endpoint, uri(request.model(), ":streamGenerateContent?alt=sse"), headers(), codec.encode(request),
        new ProviderHttp.EventHandler() {
          @Override
          public void event(String name, String data) {
            codec.decode(codecParse(data), assembler, calls);
          }

          @Override
          public void drained() {
            sink.flush();
          }
        });
    if (!assembler.finished()) {
      throw new LlmException(endpoint.name() + " stream ended before a finishReason", 0, true, null);
    }
    return assembler.response(request.model());
  }

  private com.fasterxml.jackson.databind.JsonNode codecParse(String data) {
    try {
      return mapper.readTree(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new LlmException(endpoint.name() + " stream sent a chunk that is not JSON", 0, true, e);
    }
  }

  private URI uri(String model, String method) {
    return endpoint.resolve("/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + method);
  }

  private Map<String, String> headers() {
    var headers = new HashMap<String, String>();
    if (endpoint.hasApiKey()) {
      headers.put("x-goog-api-key", endpoint.apiKey());
    }
    return headers;
  }

  @Override
  public String toString() {
    return "GeminiChatModel[" + endpoint.name() + "]";
  }
}
