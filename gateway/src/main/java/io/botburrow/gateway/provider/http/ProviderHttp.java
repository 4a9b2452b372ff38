package io.botburrow.gateway.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Posts JSON to a provider and translates every failure into an {@link LlmException} classified as
 * retryable (connection errors, timeouts, 408, 409, 429, 5xx) or not (other 4xx).
 */
public final class ProviderHttp {
  private static final int MAX_ERROR_CHARS = 500;

  private final HttpClient client;
  private final ObjectMapper mapper;
  private final Clock clock;

  public ProviderHttp(HttpClient client, ObjectMapper mapper, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Blocks until the provider answers or the endpoint's timeout passes. */
  public JsonNode post(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body) {
    var request = buildRequest(endpoint, uri, headers, body);
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new LlmException(endpoint.name() + " timed out after " + endpoint.timeout(), 0, true, e);
    } catch (IOException e) {
      throw new LlmException(endpoint.name() + " unreachable: " + e, 0, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(endpoint.name() + " call interrupted", 0, false, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw errorFor(endpoint, response);
    }
    return parse(endpoint, response.body());
  }

  /** One server-sent event: its {@code event:} name (empty when none) and its {@code data:} text. */
  @FunctionalInterface
  public interface EventHandler {
    void event(String name, String data);
  }

  /**
   * Posts JSON and reads a server-sent event stream, calling {@code handler} per event until the
   * stream ends. Blocks. A refusal before the stream is thrown like {@link #post}; a stream that breaks
   * is a retryable {@link LlmException} with status 0.
   */
  public void postStream(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body, EventHandler handler) {
    var request = buildRequest(endpoint, uri, headers, body, "text/event-stream");
    HttpResponse<java.util.stream.Stream<String>> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (HttpTimeoutException e) {
      throw new LlmException(endpoint.name() + " timed out after " + endpoint.timeout(), 0, true, e);
    } catch (IOException e) {
      throw new LlmException(endpoint.name() + " unreachable: " + e, 0, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(endpoint.name() + " call interrupted", 0, false, e);
    }
    try (var lines = response.body()) {
      if (response.statusCode() / 100 != 2) {
        var text = String.join("\n", (Iterable<String>) lines::iterator);
        throw errorFor(endpoint, response.statusCode(), response.headers(), text);
      }
      var event = new StringBuilder();
      var data = new StringBuilder();
      for (var it = lines.iterator(); it.hasNext(); ) {
        var line = it.next();
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            handler.event(event.toString(), data.toString());
          }
          event.setLength(0);
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event.setLength(0);
          event.append(line.substring(6).strip());
        } else if (line.startsWith("data:")) {
          data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
        }
      }
      if (!data.isEmpty()) {
        handler.event(event.toString(), data.toString());
      }
    } catch (java.io.UncheckedIOException e) {
      throw new LlmException(endpoint.name() + " stream broke: " + e.getCause(), 0, true, e);
    }
  }

  private HttpRequest buildRequest(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body) {
    return buildRequest(endpoint, uri, headers, body, "application/json");
  }

  private HttpRequest buildRequest(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body,
      String accept) {
    var builder = HttpRequest.newBuilder(uri)
        .timeout(endpoint.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if ("http".equals(uri.getScheme())) {
      // plain-HTTP local servers (Ollama, vLLM, llama.cpp) gain nothing from an h2c upgrade attempt
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    headers.forEach(builder::header);
    return builder.build();
  }

  private LlmException errorFor(LlmEndpoint endpoint, HttpResponse<String> response) {
    return errorFor(endpoint, response.statusCode(), response.headers(), response.body());
  }

  private LlmException errorFor(LlmEndpoint endpoint, int status, java.net.http.HttpHeaders headers, String body) {
    var message = endpoint.name() + " answered " + status + ": " + providerMessage(body);
    var retryAfter = RetryAfter.parse(headers, clock).orElse(null);
    return new LlmException(message, status, isRetryable(status), retryAfter, null);
  }

  /** Statuses where the same request may succeed later. */
  public static boolean isRetryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** OpenAI and Anthropic both put the human-readable reason in {@code error.message}. */
  String providerMessage(String body) {
    try {
      var node = mapper.readTree(body);
      var message = node.path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
      if (node.path("error").isTextual()) {
        return node.path("error").asText();
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // not JSON: fall through to the raw text
    }
    var text = body == null ? "" : body.strip();
    return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "..." : text;
  }

  private JsonNode parse(LlmEndpoint endpoint, String body) {
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // a truncated body from a proxy is worth another try
      throw new LlmException(endpoint.name() + " sent a response that is not JSON", 0, true, e);
    }
  }

  private String write(JsonNode body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new LlmException("cannot serialize request: " + e.getOriginalMessage(), 0, false, e);
    }
  }
}
