package io.botburrow.llm.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ToolSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Tool-definition checks shared by both wire formats. */
public final class ToolSchemas {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper;

  public ToolSchemas(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ToolSpec spec(JsonNode name, JsonNode description, JsonNode schema, String param) {
    if (!name.isTextual() || !name.asText().matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new InvalidRequestException("Invalid '" + param + ".name': string does not match pattern "
          + "'^[a-zA-Z0-9_-]{1,64}$'.", param + ".name", "invalid_value");
    }
    if (!schema.isMissingNode() && !schema.isNull() && !schema.isObject()) {
      throw new InvalidRequestException("Invalid type for '" + param + "' schema: expected an object.", param,
          "invalid_type");
    }
    if (schema.isObject() && schema.has("type") && !"object".equals(schema.path("type").asText())) {
      throw new InvalidRequestException("Invalid schema for '" + param + "': the parameters must be a JSON Schema of type "
          + "'object', got type '" + schema.path("type").asText() + "'.", param, "invalid_function_parameters");
    }
    if (schema.isObject() && schema.has("properties") && !schema.path("properties").isObject()) {
      throw new InvalidRequestException("Invalid schema for '" + param + "': 'properties' must be an object.", param,
          "invalid_function_parameters");
    }
    Map<String, Object> parameters = schema.isObject() ? mapper.convertValue(schema, MAP) : null;
    return new ToolSpec(name.asText(), description.asText(""), parameters);
  }

  public void requireUniqueNames(List<ToolSpec> specs, String param) {
    var seen = new HashSet<String>();
    for (var spec : specs) {
      if (!seen.add(spec.name())) {
        throw new InvalidRequestException("Invalid '" + param + "': tool names must be unique; '" + spec.name()
            + "' appears more than once.", param, "duplicate_tool_name");
      }
    }
  }

  /** Tool-call arguments must be the text of a JSON object. */
  public void requireJsonObject(String arguments, String param) {
    JsonNode parsed;
    try {
      parsed = mapper.readTree(arguments);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("Invalid '" + param + "': not valid JSON (" + e.getOriginalMessage() + ").",
          param, "invalid_json");
    }
    if (parsed == null || !parsed.isObject()) {
      throw new InvalidRequestException("Invalid '" + param + "': expected the JSON text of an object.", param,
          "invalid_value");
    }
  }
}
