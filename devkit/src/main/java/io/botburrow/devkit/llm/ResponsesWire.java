package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The OpenAI Responses API format ({@code POST /v1/responses}), what the Codex CLI speaks. */
final class ResponsesWire implements WireFormat {
  private final ObjectMapper mapper;
  private final ResponsesRequestReader reader;
  private final AtomicLong ids;
  private final Clock clock;

  ResponsesWire(ObjectMapper mapper, AtomicLong ids, Clock clock) {
    this.mapper = mapper;
    this.reader = new ResponsesRequestReader(mapper);
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    return reader.read(body);
  }

  @Override
  public String presentedKey(Map<String, String> headers) {
    var authorization = headers.getOrDefault("authorization", "");
    return authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()).trim() : null;
  }

  @Override
  public ObjectNode answer(ScriptedTurn turn, ChatRequest request, Usage usage) {
    var body = mapper.createObjectNode().put("id", "resp_" + ids.incrementAndGet()).put("object", "response")
        .put("created_at", clock.instant().getEpochSecond()).put("model", request.model());
    var truncated = "length".equals(turn.finishReason()) || "max_tokens".equals(turn.finishReason());
    body.put("status", truncated ? "incomplete" : "completed");
    if (truncated) {
      body.putObject("incomplete_details").put("reason", "max_output_tokens");
    } else {
      body.putNull("incomplete_details");
    }
    body.putNull("error");
    var output = body.putArray("output");
    if (!turn.text().isEmpty()) {
      var message = output.addObject().put("type", "message").put("id", "msg_" + ids.incrementAndGet())
          .put("status", "completed").put("role", "assistant");
      message.putArray("content").addObject().put("type", "output_text").put("text", turn.text()).putArray("annotations");
    }
    for (var call : turn.toolCalls()) {
      output.addObject().put("type", "function_call").put("id", "fc_" + ids.incrementAndGet())
          .put("call_id", "call_" + ids.incrementAndGet()).put("name", call.name()).put("arguments", call.argumentsJson())
          .put("status", "completed");
    }
    var tokens = body.putObject("usage").put("input_tokens", usage.inputTokens());
    tokens.putObject("input_tokens_details").put("cached_tokens", usage.cachedInputTokens());
    tokens.put("output_tokens", usage.outputTokens());
    tokens.putObject("output_tokens_details").put("reasoning_tokens", 0);
    tokens.put("total_tokens", usage.total());
    return body;
  }

  /** created, in_progress, per item added / deltas / done, then completed (or incomplete) with the whole response. */
  @Override
  public List<String> streamEvents(ObjectNode answer) {
    var events = new ArrayList<String>();
    var head = answer.deepCopy().put("status", "in_progress");
    head.putArray("output");
    head.remove("usage");
    events.add(event("response.created", mapper.createObjectNode().set("response", head), events.size()));
    events.add(event("response.in_progress", mapper.createObjectNode().set("response", head), events.size()));
    var output = answer.path("output");
    for (int index = 0; index < output.size(); index++) {
      var item = (ObjectNode) output.get(index);
      var id = item.path("id").asText();
      if (item.path("type").asText().equals("message")) {
        var text = item.path("content").path(0).path("text").asText();
        var open = item.deepCopy().put("status", "in_progress");
        open.putArray("content");
        events.add(event("response.output_item.added", at(index).set("item", open), events.size()));
        var part = mapper.createObjectNode().put("type", "output_text").put("text", "");
        part.putArray("annotations");
        events.add(event("response.content_part.added", inPart(index, id).set("part", part), events.size()));
        for (var piece : OpenAiWire.pieces(text)) {
          events.add(event("response.output_text.delta", inPart(index, id).put("delta", piece), events.size()));
        }
        events.add(event("response.output_text.done", inPart(index, id).put("text", text), events.size()));
        events.add(event("response.content_part.done", inPart(index, id).set("part",
            item.path("content").path(0).deepCopy()), events.size()));
      } else {
        var arguments = item.path("arguments").asText();
        var open = item.deepCopy().put("status", "in_progress").put("arguments", "");
        events.add(event("response.output_item.added", at(index).set("item", open), events.size()));
        events.add(event("response.function_call_arguments.delta", at(index).put("item_id", id).put("delta", arguments),
            events.size()));
        events.add(event("response.function_call_arguments.done", at(index).put("item_id", id)
            .put("arguments", arguments), events.size()));
      }
      events.add(event("response.output_item.done", at(index).set("item", item), events.size()));
    }
    var last = answer.path("status").asText().equals("incomplete") ? "response.incomplete" : "response.completed";
    events.add(event(last, mapper.createObjectNode().set("response", answer), events.size()));
    return events;
  }

  private ObjectNode at(int index) {
    return mapper.createObjectNode().put("output_index", index);
  }

  private ObjectNode inPart(int index, String itemId) {
    return mapper.createObjectNode().put("item_id", itemId).put("output_index", index).put("content_index", 0);
  }

  private String event(String type, JsonNode data, int sequence) {
    var event = mapper.createObjectNode().put("type", type).put("sequence_number", sequence);
    event.setAll((ObjectNode) data);
    return "event: " + type + "\ndata: " + event + "\n\n";
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    var body = mapper.createObjectNode();
    var error = body.putObject("error").put("message", message).put("type", switch (status) {
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    });
    error.put("param", param);
    error.put("code", code);
    return body;
  }
}
