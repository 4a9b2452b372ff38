package io.botburrow.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import java.util.Locale;
import java.util.Set;

/**
 * Maps provider-neutral requests to Gemini's {@code generateContent} format and back. Pure. System
 * messages become {@code systemInstruction}; tool calls are {@code functionCall} parts of a {@code model}
 * turn and their results {@code functionResponse} parts of a {@code user} turn. Gemini gives calls no
 * ids, so they are numbered per answer.
 */
public final class GeminiCodec {
  /** JSON Schema keywords Gemini's OpenAPI subset refuses. */
  private static final Set<String> UNSUPPORTED_SCHEMA_KEYS = Set.of("$schema", "additionalProperties", "$id", "$defs");

  private final ObjectMapper mapper;

  public GeminiCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ObjectNode encode(ChatRequest request) {
    var body = mapper.createObjectNode();
    var system = new StringBuilder();
    var contents = body.putArray("contents");
    for (var message : request.messages()) {
      switch (message) {
        case ChatMessage.System s -> system.append(system.isEmpty() ? "" : "\n\n").append(s.content());
        case ChatMessage.User u -> turn(contents, "user").addObject().put("text", u.content());
        case ChatMessage.Assistant a -> {
          var parts = turn(contents, "model");
          if (!a.content().isBlank()) {
            parts.addObject().put("text", a.content());
          }
          a.toolCalls().forEach(call -> parts.addObject().putObject("functionCall").put("name", call.name())
              .set("args", args(call.argumentsJson())));
        }
        case ChatMessage.ToolResult r -> turn(contents, "user").addObject().putObject("functionResponse")
            .put("name", r.toolName()).putObject("response").put(r.isError() ? "error" : "content", r.content());
      }
    }
    if (!system.isEmpty()) {
      body.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
    }
    if (!request.tools().isEmpty()) {
      var declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
      request.tools().forEach(tool -> declarations.addObject().put("name", tool.name())
          .put("description", tool.description()).set("parameters", schema(mapper.valueToTree(tool.parameters()))));
    }
    var config = body.putObject("generationConfig").put("temperature", request.temperature());
    if (request.maxTokens() > 0) {
      config.put("maxOutputTokens", request.maxTokens());
    }
    return body;
  }

  /** The parts of the last turn when it has {@code role}, else of a new one (Gemini wants roles to alternate). */
  private static ArrayNode turn(ArrayNode contents, String role) {
    var last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
    if (last != null && role.equals(last.path("role").asText())) {
      return (ArrayNode) last.path("parts");
    }
    return contents.addObject().put("role", role).putArray("parts");
  }

  private JsonNode args(String json) {
    try {
      var node = mapper.readTree(json);
      return node != null && node.isObject() ? node : mapper.createObjectNode();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return mapper.createObjectNode().put("raw_arguments", json);
    }
  }

  private JsonNode schema(JsonNode node) {
    if (node.isObject()) {
      var copy = mapper.createObjectNode();
      node.fields().forEachRemaining(e -> {
        if (!UNSUPPORTED_SCHEMA_KEYS.contains(e.getKey())) {
          copy.set(e.getKey(), e.getKey().equals("properties") ? properties(e.getValue()) : schema(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      var copy = mapper.createArrayNode();
      node.forEach(item -> copy.add(schema(item)));
      return copy;
    }
    return node;
  }

  private JsonNode properties(JsonNode node) {
    var copy = mapper.createObjectNode();
    node.fields().forEachRemaining(e -> copy.set(e.getKey(), schema(e.getValue())));
    return copy;
  }

  /** Feeds one {@code GenerateContentResponse} (whole or a stream chunk) to {@code out}. */
  public void decode(JsonNode body, ResponseAssembler out, int[] callCounter) {
    out.model(body.path("modelVersion").asText(""));
    var meta = body.path("usageMetadata");
    if (meta.isObject()) {
      out.usage(new Usage(meta.path("promptTokenCount").asLong(0),
          meta.path("candidatesTokenCount").asLong(0) + meta.path("thoughtsTokenCount").asLong(0),
          meta.path("cachedContentTokenCount").asLong(0)));
    }
    var candidate = body.path("candidates").path(0);
    for (var part : candidate.path("content").path("parts")) {
      if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
        out.text(part.path("text").asText());
      } else if (part.has("functionCall")) {
        var call = part.path("functionCall");
        int index = callCounter[0]++;
        out.toolCallStarted(index, call.path("id").asText("call_" + index), call.path("name").asText());
        out.toolCallArguments(index, call.path("args").isObject() ? call.path("args").toString() : "{}");
      }
    }
    if (candidate.path("finishReason").isTextual()) {
      out.finishReason(stopReason(candidate.path("finishReason").asText(), callCounter[0] > 0));
    }
  }

  /** Gemini's reasons in OpenAI's words, which the gateway uses inside. */
  static String stopReason(String reason, boolean calledTools) {
    return switch (reason.toUpperCase(Locale.ROOT)) {
      case "STOP" -> calledTools ? "tool_calls" : "stop";
      case "MAX_TOKENS" -> "length";
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" -> "content_filter";
      default -> reason.toLowerCase(Locale.ROOT);
    };
  }

  /** Tool calls of a whole answer, for callers that want them as records. */
  static ToolCall call(int index, JsonNode functionCall) {
    return new ToolCall("call_" + index, functionCall.path("name").asText(), functionCall.path("args").toString());
  }
}
