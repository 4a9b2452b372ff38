package io.botburrow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one YAML mapping field by field, knowing its dotted path, so that every error and warning
 * names the object key and the field. Fields never read are reported by {@link #warnUnread()}.
 */
final class YamlReader {
  private final String source;
  private final String path;
  private final JsonNode node;
  private final List<String> warnings;
  private final ObjectMapper mapper;
  private final Set<String> read = new HashSet<>();

  YamlReader(String source, String path, JsonNode node, List<String> warnings, ObjectMapper mapper) {
    this.source = source;
    this.path = path;
    this.node = node;
    this.warnings = warnings;
    this.mapper = mapper;
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** The raw value, or null when absent or {@code ~}. Marks the field read. */
  JsonNode raw(String field) {
    read.add(field);
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  String string(String field) {
    JsonNode value = raw(field);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode()) {
      throw error(path(field), "must be a string, was a " + kind(value));
    }
    return value.asText();
  }

  int integer(String field, int fallback) {
    JsonNode value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw error(path(field), "must be an integer, was '" + value.asText() + "'");
    }
    return value.intValue();
  }

  long longInteger(String field, long fallback) {
    JsonNode value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(path(field), "must be an integer, was '" + value.asText() + "'");
    }
    return value.longValue();
  }

  double number(String field, double fallback) {
    JsonNode value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw error(path(field), "must be a number, was '" + value.asText() + "'");
    }
    return value.doubleValue();
  }

  boolean bool(String field, boolean fallback) {
    JsonNode value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw error(path(field), "must be true or false, was '" + value.asText() + "'");
    }
    return value.booleanValue();
  }

  /** A docker-style size ({@code 512m}) or a number of bytes. */
  long size(String field, long fallback) {
    JsonNode value = raw(field);
    if (value == null) {
      return fallback;
    }
    if (value.isIntegralNumber()) {
      return value.longValue();
    }
    try {
      return DataSize.parseBytes(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(path(field), e.getMessage());
    }
  }

  List<String> strings(String field) {
    JsonNode value = raw(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(path(field), "must be a list, was a " + kind(value));
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isNull() || !item.isValueNode()) {
        throw error(path(field) + "[" + i + "]", "must be a string, was a " + kind(item));
      }
      result.add(item.asText());
    }
    return result;
  }

  /** Like {@link #strings} but drops repeated items with a warning (the schema wants them unique). */
  List<String> uniqueStrings(String field) {
    List<String> all = strings(field);
    List<String> unique = all.stream().distinct().toList();
    if (unique.size() != all.size()) {
      warn(path(field), "repeated items ignored");
    }
    return unique;
  }

  Map<String, String> stringMap(String field) {
    JsonNode value = raw(field);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw error(path(field), "must be a mapping, was a " + kind(value));
    }
    Map<String, String> result = new LinkedHashMap<>();
    value.properties().forEach(e -> {
      if (!e.getValue().isValueNode()) {
        throw error(path(field) + "." + e.getKey(), "must be a string, was a " + kind(e.getValue()));
      }
      result.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    });
    return result;
  }

  /** The nested mapping {@code field}, or null when absent. */
  YamlReader object(String field) {
    JsonNode value = raw(field);
    if (value == null) {
      return null;
    }
    return of(path(field), value);
  }

  /** A reader over {@code value}, which must be a mapping, sharing this reader's warnings. */
  YamlReader of(String childPath, JsonNode value) {
    if (!value.isObject()) {
      throw error(childPath, "must be a mapping, was a " + kind(value));
    }
    return new YamlReader(source, childPath, value, warnings, mapper);
  }

  /** Unread fields as plain Java values, in file order. */
  Map<String, Object> unread() {
    Map<String, Object> result = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!read.contains(e.getKey())) {
        result.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
      }
    });
    return result;
  }

  /** Reports every field not read so far as unknown. */
  void warnUnread() {
    unread().keySet().forEach(field -> warn(path(field), "unknown field, ignored"));
  }

  void warn(String fieldPath, String message) {
    warnings.add(source + ": " + fieldPath + ": " + message);
  }

  /**
   * Builds a record, turning its {@code "field: problem"} validation failure into an error naming
   * this reader's path.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid value" : e.getMessage();
      int colon = message.indexOf(": ");
      if (colon < 0) {
        throw new InvalidAgentDefinitionException(source, path, message, e);
      }
      throw new InvalidAgentDefinitionException(
          source, path(message.substring(0, colon)), message.substring(colon + 2), e);
    }
  }

  /** When the source has a parent folder, {@code value} must equal that folder's name. */
  void checkFolder(String field, String value) {
    String[] parts = source.replace('\\', '/').split("/");
    if (parts.length >= 2 && !parts[parts.length - 2].equals(value)) {
      throw error(path(field), "'" + value + "' must equal the folder name '" + parts[parts.length - 2] + "'");
    }
  }

  InvalidAgentDefinitionException error(String fieldPath, String problem) {
    return new InvalidAgentDefinitionException(source, fieldPath, problem, null);
  }

  private static String kind(JsonNode value) {
    if (value.isObject()) {
      return "mapping";
    }
    if (value.isArray()) {
      return "list";
    }
    return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
