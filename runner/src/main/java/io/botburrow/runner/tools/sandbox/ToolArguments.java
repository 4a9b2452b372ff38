package io.botburrow.runner.tools.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Parses a tool call's JSON arguments; bad input is the model's mistake, reported back to it. */
public final class ToolArguments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Object> values;

  private ToolArguments(Map<String, Object> values) {
    this.values = values;
  }

  /** @throws IllegalArgumentException when the text is not a JSON object */
  public static ToolArguments parse(String json) {
    if (json == null || json.isBlank()) {
      return new ToolArguments(Map.of());
    }
    try {
      Map<String, Object> values = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      return new ToolArguments(values == null ? Map.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("arguments are not a JSON object: " + e.getOriginalMessage());
    }
  }

  public Map<String, Object> asMap() {
    return values;
  }

  /** @throws IllegalArgumentException when missing or not a string */
  public String requiredString(String name) {
    if (values.get(name) instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("argument '" + name + "' (string) is required");
  }

  public String optionalString(String name, String fallback) {
    return values.get(name) instanceof String text ? text : fallback;
  }

  public int optionalInt(String name, int fallback) {
    return values.get(name) instanceof Number number ? number.intValue() : fallback;
  }
}
