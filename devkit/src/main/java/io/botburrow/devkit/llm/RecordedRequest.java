package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.llm.ChatRequest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A request the scripted server received, as it was answered.
 *
 * @param method HTTP method
 * @param path request path, e.g. {@code /v1/chat/completions}
 * @param headers request headers, names in lower case, first value only
 * @param raw the body as received
 * @param json the parsed body, or null when it was not JSON
 * @param chat the request in provider-neutral form, or null when it was rejected
 * @param status the HTTP status answered
 * @param error the error message answered, or null
 * @param receivedAt when the request arrived (server clock)
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, String> headers,
    String raw,
    JsonNode json,
    ChatRequest chat,
    int status,
    String error,
    Instant receivedAt) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
    raw = raw == null ? "" : raw;
  }

  public boolean contains(String text) {
    return raw.contains(text);
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean rejected() {
    return chat == null;
  }
}
