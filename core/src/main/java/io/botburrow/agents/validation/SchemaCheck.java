package io.botburrow.agents.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a parsed definition against one of the agent-definitions JSON Schemas (draft 2020-12),
 * bundled in {@code /schemas/}. Thread-safe once built.
 */
final class SchemaCheck {
  static final String AGENT_CONFIG = "/schemas/agent-config.schema.json";
  static final String SKILL = "/schemas/skill.schema.json";

  /**
   * One schema violation.
   *
   * @param path where: field names and list indexes from the document's root; for an unknown or a
   *     missing field, the path of that field
   * @param keyword the failing schema keyword, e.g. {@code additionalProperties}, {@code enum}
   * @param message what is wrong, without the location
   */
  record Violation(List<Object> path, String keyword, String message) {
    boolean isUnknownField() {
      return "additionalProperties".equals(keyword);
    }

    /** {@code brain.temperature} or {@code capabilities.mcp_servers[0]}; empty at the root. */
    String dottedPath() {
      StringBuilder out = new StringBuilder();
      for (Object element : path) {
        if (element instanceof Integer index) {
          out.append('[').append(index).append(']');
        } else {
          out.append(out.isEmpty() ? "" : ".").append(element);
        }
      }
      return out.toString();
    }
  }

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema;

  private SchemaCheck(Schema schema) {
    this.schema = schema;
  }

  /** The agent-config schema with the runtime's additive fields ({@link RuntimeExtensions}). */
  static SchemaCheck agentConfig() {
    return new SchemaCheck(REGISTRY.getSchema(RuntimeExtensions.addTo(bundled(AGENT_CONFIG))));
  }

  static SchemaCheck skill() {
    return new SchemaCheck(REGISTRY.getSchema(bundled(SKILL)));
  }

  /** @throws IllegalStateException when the bundled schema is missing (a packaging error) */
  static JsonNode bundled(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  List<Violation> validate(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    for (Error error : schema.validate(document)) {
      List<Object> path = elements(error.getInstanceLocation());
      if (error.getProperty() != null && List.of("additionalProperties", "required").contains(error.getKeyword())) {
        path.add(error.getProperty());
      }
      violations.add(new Violation(List.copyOf(path), error.getKeyword(), error.getMessage()));
    }
    return violations;
  }

  private static List<Object> elements(NodePath location) {
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    return path;
  }
}
