package io.botburrow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a service's YAML config file into flat Micronaut property names ({@code botburrow.hub.url}). */
final class ConfigFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigFiles() {}

  static Map<String, Object> load(Path file) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (file == null || !Files.isRegularFile(file)) {
      return out;
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      if (root != null) {
        flatten("", root, out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      out.put(prefix, YAML.convertValue(node, java.util.List.class));
    } else if (!node.isNull()) {
      out.put(prefix, node.isNumber() || node.isBoolean() ? YAML.convertValue(node, Object.class) : node.asText());
    }
  }
}
