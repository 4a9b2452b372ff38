package io.botburrow.runner;

import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator tables keyed by name under one prefix ({@code botburrow.delegation.allow.<agent>},
 * {@code botburrow.memory.teams.<team>}): each value a YAML list, or comma-separated text (environment, -D).
 */
public final class PropertyLists {
  private PropertyLists() {}

  /** Each name under {@code prefix} with its entries, trimmed, blanks dropped. */
  public static Map<String, List<String>> byName(Environment env, String prefix) {
    Map<String, Object> raw = env.getProperties(prefix, StringConvention.RAW);
    Map<String, List<String>> out = new LinkedHashMap<>();
    raw.forEach((name, value) -> out.put(name, entries(value)));
    return out;
  }

  static List<String> entries(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    return value == null ? List.of()
        : Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
