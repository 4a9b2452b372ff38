package io.botburrow.devkit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.AnthropicRequestReader;
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
  public java.util.List<String> streamEvents(ObjectNode answer) {
    var events = new java.util.ArrayList<String>();
    var start = mapper.createObjectNode().put("type", "message_start");
    var message = start.putObject("message").put("id", answer.path("id").asText()).put("type", "message")
        .put("role", "assistant").put("model", answer.path("model").asText());
    message.putArray("content");
    message.putNull("stop_reason");
    message.putObject("usage").put("input_tokens", answer.path("usage").path("input_tokens").asLong())
        .put("output_tokens", 1);
    events.add(event("message_start", start));
    var blocks = answer.path("content");
    for (int i = 0; i < blocks.size(); i++) {
      var block = blocks.get(i);
      var open = mapper.createObjectNode().put("type", "content_block_start").put("index", i);
      if ("text".equals(block.path("type").asText())) {
        open.putObject("content_block").put("type", "text").put("text", "");
        events.add(event("content_block_start", open));
        for (var piece : OpenAiWire.pieces(block.path("text").asText())) {
          var delta = mapper.createObjectNode().put("type", "content_block_delta").put("index", i);
          delta.putObject("delta").put("type", "text_delta").put("text", piece);
          events.add(event("content_block_delta", delta));
        }
      } else {
        open.putObject("content_block").put("type", "tool_use").put("id", block.path("id").asText())
            .put("name", block.path("name").asText()).putObject("input");
        events.add(event("content_block_start", open));
        var delta = mapper.createObjectNode().put("type", "content_block_delta").put("index", i);
        delta.putObject("delta").put("type", "input_json_delta").put("partial_json", block.path("input").toString());
        events.add(event("content_block_delta", delta));
      }
      events.add(event("content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", i)));
    }
    var end = mapper.createObjectNode().put("type", "message_delta");
    end.putObject("delta").put("stop_reason", answer.path("stop_reason").asText()).putNull("stop_sequence");
    end.putObject("usage").put("output_tokens", answer.path("usage").path("output_tokens").asLong());
    events.add(event("message_delta", end));
    events.add(event("message_stop", mapper.createObjectNode().put("type", "message_stop")));
    return events;
  }

  private static String event(String name, ObjectNode data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
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
