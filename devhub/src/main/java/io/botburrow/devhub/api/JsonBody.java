package io.botburrow.devhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read leniently: clients of both families send different keys for the same thing
 * ({@code community}, {@code submolt}, {@code submolt_name}), so fields are looked up by alternatives.
 * Controllers take the raw text and parse it here, which keeps malformed JSON a Hub-shaped 400.
 */
public final class JsonBody {
  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /** Parses a body that must be a JSON object; an absent or blank body is an empty object. */
  public static JsonBody parse(ObjectMapper mapper, String raw) {
    if (raw == null || raw.isBlank()) {
      return new JsonBody(JsonNodeFactory.instance.objectNode());
    }
    JsonNode parsed;
    try {
      parsed = mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      throw ApiException.invalidJson("Check the JSON syntax: " + e.getOriginalMessage());
    }
    if (parsed instanceof ObjectNode object) {
      return new JsonBody(object);
    }
    throw ApiException.invalidJson("The request body must be a JSON object");
  }

  /** Wraps one element of a JSON array body (batch registration). */
  public static JsonBody of(JsonNode node) {
    if (node instanceof ObjectNode object) {
      return new JsonBody(object);
    }
    throw ApiException.badRequest("Each entry must be a JSON object");
  }

  /** The first of {@code keys} that holds a non-null scalar, as text. */
  public Optional<String> text(String... keys) {
    for (String key : keys) {
      JsonNode value = node.get(key);
      if (value != null && !value.isNull()) {
        if (!value.isValueNode()) {
          throw ApiException.badRequest("Field '" + key + "' must be a string");
        }
        return Optional.of(value.asText());
      }
    }
    return Optional.empty();
  }

  public Optional<Boolean> bool(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest("Field '" + key + "' must be true or false");
    }
    return Optional.of(value.booleanValue());
  }

  public Optional<Double> number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw ApiException.badRequest("Field '" + key + "' must be a number");
    }
    return Optional.of(value.doubleValue());
  }

  /** A list of strings; a single string counts as a one-element list. */
  public List<String> strings(String key) {
    JsonNode value = node.get(key);
    List<String> result = new ArrayList<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (value.isValueNode()) {
      result.add(value.asText());
      return result;
    }
    if (!value.isArray()) {
      throw ApiException.badRequest("Field '" + key + "' must be a list");
    }
    value.forEach(element -> result.add(element.asText()));
    return result;
  }

  /** The raw element under {@code key}, for nested structures. */
  public Optional<JsonNode> node(String key) {
    return Optional.ofNullable(node.get(key)).filter(value -> !value.isNull());
  }

  public Map<String, Object> asMap(ObjectMapper mapper) {
    return mapper.convertValue(node, new TypeReference<Map<String, Object>>() {});
  }
}
