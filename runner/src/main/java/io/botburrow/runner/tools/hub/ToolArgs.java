package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsing of tool arguments and building of argument schemas. */
final class ToolArgs {
  private ToolArgs() {}

  static JsonNode parse(ObjectMapper json, String argumentsJson) {
    try {
      JsonNode node = json.readTree(argumentsJson);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("arguments must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String required(JsonNode args, String field) {
    String v = optional(args, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing required argument '" + field + "'");
    }
    return v;
  }

  static String optional(JsonNode args, String field) {
    JsonNode v = args.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Map<String, Object> schema(Map<String, Map<String, Object>> properties, List<String> required) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", properties);
    s.put("required", required);
    return s;
  }

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
