package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.wire.InvalidRequestException;
import java.io.OutputStream;
import java.util.Map;

/** One wire format the gateway serves: how requests read, answers and errors look, and how it streams. */
interface FrontFormat {

  /** Validates and converts; throws {@link InvalidRequestException}. */
  ChatRequest read(JsonNode body, Map<String, String> headers);

  /** The caller's token: {@code Authorization: Bearer} or {@code x-api-key}. */
  default String presentedToken(Map<String, String> headers) {
    var authorization = headers.getOrDefault("authorization", "");
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return headers.get("x-api-key");
  }

  ObjectNode answer(ChatResponse response, String requestedModel);

  ObjectNode error(int status, String message, String param, String code);

  /**
   * The status of a refusal because the caller's budget is spent: what this provider answers when an
   * account's quota or credit is exhausted, so clients treat it as final. The front also sends {@code
   * x-should-retry: false}, which the official SDKs obey.
   */
  int budgetSpentStatus();

  /** A writer of this format's server-sent events onto {@code out}; {@code start} sends the headers. */
  SseWriter streamWriter(OutputStream out, Runnable start, String requestedModel);
}
