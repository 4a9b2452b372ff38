package io.botburrow.devkit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The Anthropic Messages format. */
final class AnthropicWire implements WireFormat {
  private final ObjectMapper mapper;
  private final AnthropicRequestReader reader;
  private final AtomicLong ids;

  AnthropicWire(ObjectMapper mapper, AtomicLong ids) {
    this.mapper = mapper;
    this.reader = new AnthropicRequestReader(mapper);
    this.ids = ids;
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    if (!headers.containsKey("anthropic-version")) {
      throw new InvalidRequestException("anthropic-version: header is required", null, null);
    }
    return reader.read(body);
  }

  @Override
  public String presentedKey(Map<String, String> headers) {
    return headers.get("x-api-key");
  }

  @Override
  public ObjectNode answer(ScriptedTurn turn, ChatRequest request, Usage usage) {
    var body = mapper.createObjectNode()
        .put("id", "msg_" + ids.incrementAndGet())
        .put("type", "message")
        .put("role", "assistant")
        .put("model", request.model());
    var content = body.putArray("content");
    if (!turn.text().isEmpty()) {
      content.addObject().put("type", "text").put("text", turn.text());
    }
    for (var call : turn.toolCalls()) {
      content.addObject()
          .put("type", "tool_use")
          .put("id", "toolu_" + ids.incrementAndGet())
          .put("name", call.name())
          .set("input", parseArguments(call.argumentsJson()));
    }
    var natural = turn.toolCalls().isEmpty() ? "end_turn" : "tool_use";
    body.put("stop_reason", turn.finishReason() != null ? turn.finishReason() : natural);
    body.putNull("stop_sequence");
    body.putObject("usage").put("input_tokens", usage.inputTokens()).put("output_tokens", usage.outputTokens());
    return body;
  }

  private JsonNode parseArguments(String json) {
    try {
      var node = mapper.readTree(json);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // fall through: a script mistake, not the client's
    }
    throw new IllegalArgumentException("scripted tool call arguments are not a JSON object: " + json);
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    var body = mapper.createObjectNode().put("type", "error");
    body.putObject("error").put("type", type(status)).put("message", message);
    return body;
  }

  private static String type(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }
}
