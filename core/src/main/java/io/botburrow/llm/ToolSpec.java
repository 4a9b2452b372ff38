package io.botburrow.llm;

import java.util.Map;
import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name tool name ({@code ^[a-zA-Z0-9_-]{1,64}$})
 * @param description what the tool does, for the model
 * @param parameters JSON Schema of the arguments object, as plain maps and lists
 */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("invalid tool name: " + name);
    }
    description = description == null ? "" : description;
    parameters = parameters == null ? Map.of("type", "object", "properties", Map.of()) : Map.copyOf(parameters);
  }
}
