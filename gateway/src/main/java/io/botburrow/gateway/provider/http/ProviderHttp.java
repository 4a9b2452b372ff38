package io.botburrow.gateway.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.LlmEndpoint;
import io.botburrow.llm.LlmException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Posts JSON to a provider and translates every failure into an {@link LlmException} classified as
 * retryable (connection errors, timeouts, 408, 409, 429, 5xx) or not (other 4xx). Calls run on the
 * caller's thread over kept-alive connections ({@link Http1Client}). A stream that sends nothing for
 * {@code streamIdleTimeout} once it began is cut.
 */
public final class ProviderHttp {
  private static final int MAX_ERROR_CHARS = 500;
  /** When none is given: long enough for a model that thinks before its next token, short of a hung one. */
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final Http1Client client;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Duration streamIdleTimeout;

  public ProviderHttp(Http1Client client, ObjectMapper mapper, Clock clock, Duration streamIdleTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.streamIdleTimeout = Objects.requireNonNull(streamIdleTimeout, "streamIdleTimeout");
  }

  /**
   * Kept for callers built on the JDK client: only its connect timeout is used (calls go over
   * {@link Http1Client}; redirects are not followed).
   */
  @Deprecated
  public ProviderHttp(HttpClient client, ObjectMapper mapper, Clock clock) {
    this(new Http1Client(client.connectTimeout().orElse(Duration.ofSeconds(10))), mapper, clock,
        DEFAULT_STREAM_IDLE_TIMEOUT);
  }

  /** Blocks until the provider answers or the endpoint's timeout passes. */
  public JsonNode post(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body) {
    try (var response = send(endpoint, uri, headers, body, "application/json")) {
      String text;
      try {
        text = response.bodyText();
      } catch (IOException e) {
        throw failure(endpoint, e, false);
      }
      if (response.status() / 100 != 2) {
        throw errorFor(endpoint, response, text);
      }
      return parse(endpoint, text);
    }
  }

  /** One server-sent event: its {@code event:} name (empty when none) and its {@code data:} text. */
  @FunctionalInterface
  public interface EventHandler {
    void event(String name, String data);

    /** Nothing more has arrived yet: a good moment to pass on what the events produced. */
    default void drained() {}

    /**
     * Whether the answer is whole (the provider's closing event came): reading stops there, and the
     * end of the provider's body is read before its connection's next use instead of before this
     * answer reaches its caller.
     */
    default boolean complete() {
      return false;
    }
  }

  /**
   * Posts JSON and reads a server-sent event stream, calling {@code handler} per event until the
   * stream ends. Blocks. A refusal before the stream is thrown like {@link #post}; a stream that breaks
   * or stays silent past the idle timeout is a retryable {@link LlmException} with status 0.
   */
  public void postStream(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body, EventHandler handler) {
    try (var response = send(endpoint, uri, headers, body, "text/event-stream")) {
      try {
        if (response.status() / 100 != 2) {
          throw errorFor(endpoint, response, response.bodyText());
        }
        response.readTimeout(streamIdleTimeout);
        var events = new SseReader(response.body());
        for (var event = events.next(); event != null; event = events.next()) {
          handler.event(event.name(), event.data());
          if (handler.complete()) {
            response.finishLater();
            return;
          }
          if (!events.buffered()) {
            handler.drained();
          }
        }
      } catch (SocketTimeoutException e) {
        throw new LlmException(endpoint.name() + " stream broke: nothing received for " + streamIdleTimeout.toSeconds()
            + " s (botburrow.gateway.stream-idle-timeout)", 0, true, e);
      } catch (IOException e) {
        throw failure(endpoint, e, true);
      }
    }
  }

  private Http1Response send(LlmEndpoint endpoint, URI uri, Map<String, String> headers, JsonNode body, String accept) {
    var all = new LinkedHashMap<String, String>();
    all.put("Content-Type", "application/json");
    all.put("Accept", accept);
    all.putAll(headers);
    try {
      return client.send("POST", uri, all, write(body), endpoint.timeout());
    } catch (IOException e) {
      throw failure(endpoint, e, false);
    }
  }

  private LlmException failure(LlmEndpoint endpoint, IOException e, boolean streaming) {
    if (e instanceof SocketTimeoutException) {
      return new LlmException(endpoint.name() + " timed out after " + endpoint.timeout(), 0, true, e);
    }
    if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      return new LlmException(endpoint.name() + " call interrupted", 0, false, e);
    }
    if (streaming) {
      return new LlmException(endpoint.name() + " stream broke: " + e, 0, true, e);
    }
    return new LlmException(endpoint.name() + " unreachable: " + e, 0, true, e);
  }

  private LlmException errorFor(LlmEndpoint endpoint, Http1Response response, String body) {
    int status = response.status();
    var message = endpoint.name() + " answered " + status + ": " + providerMessage(body);
    var retryAfter = RetryAfter.parse(name -> response.first(name), clock).orElse(null);
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

  private byte[] write(JsonNode body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new LlmException("cannot serialize request: " + e.getOriginalMessage(), 0, false, e);
    }
  }
}
