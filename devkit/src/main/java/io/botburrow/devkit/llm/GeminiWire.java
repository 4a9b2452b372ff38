package io.botburrow.devkit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Google Gemini's {@code POST /v1beta/models/{model}:generateContent} and {@code
 * :streamGenerateContent?alt=sse}: the model is in the path, the key in {@code x-goog-api-key}, and a
 * stream is a series of whole {@code GenerateContentResponse} objects as SSE data (no {@code [DONE]}),
 * function calls arriving whole and the last chunk carrying the finish reason and the usage.
 */
final class GeminiWire implements WireFormat {
  private static final Pattern PATH = Pattern.compile("(?:/v1beta|/v1)?/models/([^/:]+):(generateContent|streamGenerateContent)");

  private final ObjectMapper mapper;
  private final GeminiRequestReader reader;
  private final AtomicLong ids;

  GeminiWire(ObjectMapper mapper, AtomicLong ids) {
    this.mapper = mapper;
    this.reader = new GeminiRequestReader(mapper);
    this.ids = ids;
  }

  /** Whether {@code path} is a Gemini content method. Pure. */
  static boolean serves(String path) {
    return PATH.matcher(path).matches();
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    throw new UnsupportedOperationException("Gemini names the model in the path");
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers, String path) {
    var matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      throw new InvalidRequestException("Unknown method " + path, null, "NOT_FOUND");
    }
    return reader.read(body, URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8));
  }

  @Override
  public boolean streams(JsonNode body, String path) {
    return path.endsWith(":streamGenerateContent");
  }

  @Override
  public String presentedKey(Map<String, String> headers) {
    return headers.get("x-goog-api-key");
  }

  @Override
  public ObjectNode answer(ScriptedTurn turn, ChatRequest request, Usage usage) {
    var body = mapper.createObjectNode();
    var candidate = body.putArray("candidates").addObject();
    var parts = candidate.putObject("content").put("role", "model").putArray("parts");
    if (!turn.text().isEmpty() || turn.toolCalls().isEmpty()) {
      parts.addObject().put("text", turn.text());
    }
    for (var call : turn.toolCalls()) {
      parts.addObject().putObject("functionCall").put("name", call.name()).set("args", arguments(call.argumentsJson()));
    }
    candidate.put("finishReason", finishReason(turn.finishReason()));
    candidate.put("index", 0);
    body.putObject("usageMetadata").put("promptTokenCount", usage.inputTokens())
        .put("candidatesTokenCount", usage.outputTokens()).put("totalTokenCount", usage.total());
    body.put("modelVersion", request.model());
    body.put("responseId", "resp-" + ids.incrementAndGet());
    return body;
  }

  /** Scripts name finish reasons in OpenAI's words or Gemini's own. Pure. */
  static String finishReason(String scripted) {
    if (scripted == null) {
      return "STOP";
    }
    return switch (scripted) {
      case "stop", "tool_calls", "end_turn", "tool_use" -> "STOP";
      case "length", "max_tokens" -> "MAX_TOKENS";
      case "content_filter" -> "SAFETY";
      default -> scripted.toUpperCase(Locale.ROOT);
    };
  }

  private JsonNode arguments(String json) {
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
  public List<String> streamEvents(ObjectNode answer) {
    var pieces = new ArrayList<ObjectNode>();
    for (var part : answer.path("candidates").path(0).path("content").path("parts")) {
      if (part.has("text")) {
        for (var piece : OpenAiWire.pieces(part.path("text").asText())) {
          pieces.add(mapper.createObjectNode().put("text", piece));
        }
      } else {
        pieces.add((ObjectNode) part);
      }
    }
    if (pieces.isEmpty()) {
      pieces.add(mapper.createObjectNode().put("text", ""));
    }
    var usage = answer.path("usageMetadata");
    var events = new ArrayList<String>();
    for (int i = 0; i < pieces.size(); i++) {
      boolean last = i == pieces.size() - 1;
      var chunk = mapper.createObjectNode();
      var candidate = chunk.putArray("candidates").addObject();
      candidate.putObject("content").put("role", "model").putArray("parts").add(pieces.get(i));
      if (last) {
        candidate.put("finishReason", answer.path("candidates").path(0).path("finishReason").asText());
      }
      candidate.put("index", 0);
      chunk.set("usageMetadata", last ? usage
          : mapper.createObjectNode().put("promptTokenCount", usage.path("promptTokenCount").asLong()));
      chunk.put("modelVersion", answer.path("modelVersion").asText());
      chunk.put("responseId", answer.path("responseId").asText());
      events.add("data: " + chunk + "\r\n\r\n");
    }
    return events;
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    var body = mapper.createObjectNode();
    body.putObject("error").put("code", status).put("message", message).put("status", status(status));
    return body;
  }

  private static String status(int status) {
    return switch (status) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
    };
  }
}
