package io.botburrow.agents;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Constraint checks shared by the model records. Each failure is an {@link IllegalArgumentException}
 * whose message starts with the YAML field name ({@code "max_iterations: must be ..."}), so that the
 * parser can prefix the enclosing path and the object key.
 */
final class Checks {
  static final Pattern GRANT = Pattern.compile("^[a-z0-9-]+:[a-z0-9-]+(:[a-z0-9-]+)?$");
  static final Pattern SLUG = Pattern.compile("^[a-z0-9-]+$");

  private Checks() {}

  static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + ": must be at least " + min + ", was " + value);
    }
    return value;
  }

  static double range(String field, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static String oneOf(String field, String value, Collection<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(field + ": must be one of " + allowed + ", was '" + value + "'");
    }
    return value;
  }

  static String matches(String field, String value, Pattern pattern) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": '" + value + "' does not match " + pattern.pattern());
    }
    return value;
  }

  /** Copies {@code values} (null means empty), checking every item against {@code pattern}. */
  static List<String> eachMatches(String field, List<String> values, Pattern pattern) {
    List<String> copy = copy(values);
    for (int i = 0; i < copy.size(); i++) {
      matches(field + "[" + i + "]", copy.get(i), pattern);
    }
    return copy;
  }

  static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
