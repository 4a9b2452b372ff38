package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.OpenAiRequestReader;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The OpenAI chat-completions format. */
final class OpenAiWire implements WireFormat {
  private final ObjectMapper mapper;
  private final OpenAiRequestReader reader;
  private final AtomicLong ids;
  private final Clock clock;

  OpenAiWire(ObjectMapper mapper, AtomicLong ids, Clock clock) {
    this.mapper = mapper;
    this.reader = new OpenAiRequestReader(mapper);
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
    var body = mapper.createObjectNode()
        .put("id", "chatcmpl-" + ids.incrementAndGet())
        .put("object", "chat.completion")
        .put("created", clock.instant().getEpochSecond())
        .put("model", request.model());
    var choice = body.putArray("choices").addObject().put("index", 0);
    var message = choice.putObject("message").put("role", "assistant");
    if (turn.text().isEmpty() && !turn.toolCalls().isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", turn.text());
    }
    if (!turn.toolCalls().isEmpty()) {
      var calls = message.putArray("tool_calls");
      for (var call : turn.toolCalls()) {
        var node = calls.addObject().put("id", "call_" + ids.incrementAndGet()).put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    var natural = turn.toolCalls().isEmpty() ? "stop" : "tool_calls";
    choice.put("finish_reason", turn.finishReason() != null ? turn.finishReason() : natural);
    body.putObject("usage")
        .put("prompt_tokens", usage.inputTokens())
        .put("completion_tokens", usage.outputTokens())
        .put("total_tokens", usage.total());
    return body;
  }

  @Override
  public java.util.List<String> streamEvents(ObjectNode answer) {
    var events = new java.util.ArrayList<String>();
    var choice = answer.path("choices").path(0);
    var message = choice.path("message");
    events.add(chunk(answer, mapper.createObjectNode().put("role", "assistant").put("content", ""), null));
    if (message.path("content").isTextual()) {
      for (var piece : pieces(message.path("content").asText())) {
        events.add(chunk(answer, mapper.createObjectNode().put("content", piece), null));
      }
    }
    var calls = message.path("tool_calls");
    for (int i = 0; i < calls.size(); i++) {
      var call = calls.get(i);
      var start = mapper.createObjectNode();
      start.putArray("tool_calls").addObject().put("index", i).put("id", call.path("id").asText()).put("type", "function")
          .putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
      events.add(chunk(answer, start, null));
      var args = mapper.createObjectNode();
      args.putArray("tool_calls").addObject().put("index", i).putObject("function")
          .put("arguments", call.path("function").path("arguments").asText());
      events.add(chunk(answer, args, null));
    }
    events.add(chunk(answer, mapper.createObjectNode(), choice.path("finish_reason").asText()));
    var usage = mapper.createObjectNode().put("id", answer.path("id").asText()).put("object", "chat.completion.chunk")
        .put("model", answer.path("model").asText());
    usage.putArray("choices");
    usage.set("usage", answer.path("usage"));
    events.add("data: " + usage + "\n\n");
    events.add("data: [DONE]\n\n");
    return events;
  }

  private String chunk(ObjectNode answer, ObjectNode delta, String finishReason) {
    var chunk = mapper.createObjectNode().put("id", answer.path("id").asText()).put("object", "chat.completion.chunk")
        .put("created", answer.path("created").asLong()).put("model", answer.path("model").asText());
    var choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.put("finish_reason", finishReason);
    return "data: " + chunk + "\n\n";
  }

  /** Text in word-sized pieces, as providers stream it. */
  static java.util.List<String> pieces(String text) {
    var pieces = new java.util.ArrayList<String>();
    var matcher = java.util.regex.Pattern.compile("\\S*\\s*").matcher(text);
    while (matcher.find() && !matcher.group().isEmpty()) {
      pieces.add(matcher.group());
    }
    return pieces;
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    var body = mapper.createObjectNode();
    var error = body.putObject("error").put("message", message).put("type", type(status));
    error.put("param", param);
    error.put("code", code);
    return body;
  }

  private static String type(int status) {
    return switch (status) {
      case 401 -> "invalid_request_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }
}
