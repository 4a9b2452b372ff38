package io.botburrow.runner.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model response as the archive keeps it for replay: one JSON line, its text cut at a bound. */
public final class ResponseCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseCodec() {}

  public static String write(ChatResponse r, int maxChars) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("content", AuditRecords.cut(r.content(), maxChars));
    List<Map<String, String>> calls = new ArrayList<>();
    for (ToolCall c : r.toolCalls()) {
      calls.add(Map.of("id", c.id(), "name", c.name(), "arguments", AuditRecords.cut(c.argumentsJson(), maxChars)));
    }
    doc.put("tool_calls", calls);
    doc.put("input_tokens", r.usage().inputTokens());
    doc.put("output_tokens", r.usage().outputTokens());
    doc.put("finish_reason", r.finishReason());
    doc.put("model", r.model());
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a model response is always serializable", e);
    }
  }

  /** @throws IllegalArgumentException when {@code line} is not a response written by {@link #write} */
  public static ChatResponse read(String line) {
    try {
      JsonNode doc = JSON.readTree(line);
      List<ToolCall> calls = new ArrayList<>();
      doc.path("tool_calls").forEach(c -> calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(),
          c.path("arguments").asText())));
      return new ChatResponse(doc.path("content").asText(""), calls,
          new Usage(doc.path("input_tokens").asLong(), doc.path("output_tokens").asLong()),
          doc.path("finish_reason").asText(""), doc.path("model").isNull() ? null : doc.path("model").asText(null));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a recorded model response: " + e.getOriginalMessage(), e);
    }
  }
}
