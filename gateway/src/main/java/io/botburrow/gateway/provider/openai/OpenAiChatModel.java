package io.botburrow.gateway.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.gateway.stream.StreamingChatModel;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.gateway.provider.http.ProviderHttp;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI chat completions ({@code POST {base}/chat/completions}) over the JDK HTTP client; also
 * speaks to OpenAI-compatible servers such as Ollama, vLLM, llama.cpp and gateways. One attempt per
 * call: retries and the circuit breaker are added by a wrapper.
 */
public final class OpenAiChatModel implements StreamingChatModel {
  private final LlmEndpoint endpoint;
  private final ProviderHttp http;
  private final OpenAiCodec codec;
  private final java.net.URI completionsUri;

  public OpenAiChatModel(LlmEndpoint endpoint, ProviderHttp http, ObjectMapper mapper) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    if (!LlmEndpoint.OPENAI.equals(endpoint.provider())) {
      throw new IllegalArgumentException("not an OpenAI-compatible endpoint: " + endpoint);
    }
    this.http = Objects.requireNonNull(http, "http");
    this.codec = new OpenAiCodec(mapper);
    this.completionsUri = endpoint.resolve("/chat/completions");
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    var body = http.post(endpoint, completionsUri, headers(), codec.encode(request));
    return codec.decode(body, request.model());
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamSink sink) {
    var body = codec.encode(request);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    var assembler = new ResponseAssembler(sink);
    var done = new boolean[1];
    http.postStream(endpoint, completionsUri, headers(), body, new ProviderHttp.EventHandler() {
      @Override
      public void event(String name, String data) {
        if (data.equals("[DONE]")) {
          done[0] = true;
        } else {
          codec.decodeChunk(data, assembler);
        }
      }

      @Override
      public void drained() {
        sink.flush();
      }

      @Override
      public boolean complete() {
        return done[0];
      }
    });
    if (!done[0] && !assembler.finished()) {
      throw new LlmException(endpoint.name() + " stream ended before the answer was complete", 0, true, null);
    }
    return assembler.response(request.model());
  }

  private Map<String, String> headers() {
    var headers = new HashMap<String, String>();
    if (endpoint.hasApiKey()) {
      headers.put("Authorization", "Bearer " + endpoint.apiKey());
    }
    return headers;
  }

  public LlmEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public String toString() {
    return "OpenAiChatModel[" + endpoint.name() + "]";
  }
}
