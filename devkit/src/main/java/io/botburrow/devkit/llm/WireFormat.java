package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.InvalidRequestException;
import java.util.Map;

/** One provider's request validation, response and error bodies. */
interface WireFormat {

  /** Validates and converts; throws {@link InvalidRequestException}. */
  ChatRequest read(JsonNode body, Map<String, String> headers);

  /** Like {@link #read(JsonNode, Map)}, for formats that name the model in the path. */
  default ChatRequest read(JsonNode body, Map<String, String> headers, String path) {
    return read(body, headers);
  }

  /** Whether the client asked for server-sent events. */
  default boolean streams(JsonNode body, String path) {
    return body != null && body.path("stream").asBoolean(false);
  }

  /** The API key the client presented, or null. */
  String presentedKey(Map<String, String> headers);

  ObjectNode answer(ScriptedTurn turn, ChatRequest request, Usage usage);

  /** The answer {@link #answer} built, as the provider's server-sent events, each a whole SSE frame. */
  java.util.List<String> streamEvents(ObjectNode answer);

  /** The provider's error body for {@code status}; {@code param}/{@code code} may be null. */
  ObjectNode error(int status, String message, String param, String code);
}
