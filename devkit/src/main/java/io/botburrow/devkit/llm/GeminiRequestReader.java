package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.ToolSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates a {@code generateContent} body the way Gemini does and converts it to a {@link ChatRequest}:
 * roles are {@code user} and {@code model}, every part is text, a {@code functionCall} or a {@code
 * functionResponse}, function responses answer the calls of the model turn just before (as many, same
 * names), and tool schemas stay within Gemini's OpenAPI subset ({@code additionalProperties} and {@code
 * $schema} are refused, as Gemini refuses them).
 */
final class GeminiRequestReader {
  private static final Set<String> REFUSED_SCHEMA_KEYS = Set.of("additionalProperties", "$schema");
  private final ToolSchemas tools;

  GeminiRequestReader(ObjectMapper mapper) {
    this.tools = new ToolSchemas(mapper);
  }

  ChatRequest read(JsonNode body, String model) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("Invalid JSON payload received.", null, "INVALID_ARGUMENT");
    }
    var contents = body.path("contents");
    if (!contents.isArray() || contents.isEmpty()) {
      throw new InvalidRequestException("* GenerateContentRequest.contents: contents is not specified", "contents",
          "INVALID_ARGUMENT");
    }
    var specs = readTools(body.path("tools"));
    var transcript = new ArrayList<ChatMessage>();
    var system = texts(body.path("systemInstruction").path("parts"), "systemInstruction");
    if (!system.isEmpty()) {
      transcript.add(new ChatMessage.System(system));
    }
    List<ToolCall> previousCalls = List.of();
    for (int i = 0; i < contents.size(); i++) {
      previousCalls = turn(contents.get(i), "contents[" + i + "]", previousCalls, specs, transcript);
    }
    var config = body.path("generationConfig");
    var max = config.path("maxOutputTokens");
    if (!max.isMissingNode() && (!max.isIntegralNumber() || max.asInt() < 1)) {
      throw new InvalidRequestException("* GenerateContentRequest.generation_config.max_output_tokens: must be a "
          + "positive integer", "generationConfig.maxOutputTokens", "INVALID_ARGUMENT");
    }
    double temperature = config.path("temperature").isNumber() ? config.path("temperature").asDouble() : 1.0;
    return new ChatRequest(model, transcript, specs, temperature, max.asInt(0));
  }

  /** Adds one turn to the transcript; returns its function calls (for the next turn to answer). */
  private List<ToolCall> turn(JsonNode content, String param, List<ToolCall> previousCalls, List<ToolSpec> specs,
      List<ChatMessage> transcript) {
    var role = content.path("role").asText("user");
    var parts = content.path("parts");
    if (!parts.isArray() || parts.isEmpty()) {
      throw new InvalidRequestException("* GenerateContentRequest." + param + ".parts: contents.parts must not be "
          + "empty.", param + ".parts", "INVALID_ARGUMENT");
    }
    return switch (role) {
      case "model" -> modelTurn(parts, param, specs, transcript);
      case "user" -> {
        userTurn(parts, param, previousCalls, transcript);
        yield List.of();
      }
      default -> throw new InvalidRequestException("Please use a valid role: user, model.", param + ".role",
          "INVALID_ARGUMENT");
    };
  }

  private List<ToolCall> modelTurn(JsonNode parts, String param, List<ToolSpec> specs, List<ChatMessage> transcript) {
    var text = new StringBuilder();
    var calls = new ArrayList<ToolCall>();
    for (int i = 0; i < parts.size(); i++) {
      var part = parts.get(i);
      if (part.path("text").isTextual()) {
        text.append(part.path("text").asText());
      } else if (part.path("functionCall").isObject()) {
        var call = part.path("functionCall");
        var args = call.path("args");
        if (!call.path("name").isTextual() || (!args.isMissingNode() && !args.isObject())) {
          throw new InvalidRequestException("* GenerateContentRequest." + param + ".parts[" + i + "].function_call: "
              + "name and an args object are required", param, "INVALID_ARGUMENT");
        }
        calls.add(new ToolCall("call_" + transcript.size() + "_" + calls.size(), call.path("name").asText(),
            args.isObject() ? args.toString() : "{}"));
      } else {
        throw unknownPart(param, i);
      }
    }
    transcript.add(new ChatMessage.Assistant(text.toString(), calls));
    return calls;
  }

  private void userTurn(JsonNode parts, String param, List<ToolCall> previousCalls, List<ChatMessage> transcript) {
    var text = new StringBuilder();
    var answered = new ArrayList<String>();
    for (int i = 0; i < parts.size(); i++) {
      var part = parts.get(i);
      if (part.path("text").isTextual()) {
        text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
      } else if (part.path("functionResponse").isObject()) {
        var response = part.path("functionResponse");
        var name = response.path("name").asText("");
        int index = answered.size();
        if (index >= previousCalls.size() || !previousCalls.get(index).name().equals(name)) {
          throw new InvalidRequestException("Please ensure that the number of function response parts is equal to "
              + "the number of function call parts of the function call turn.", param, "INVALID_ARGUMENT");
        }
        if (!response.path("response").isObject()) {
          throw new InvalidRequestException("* GenerateContentRequest." + param + ".parts[" + i + "].function_response"
              + ".response: must be an object", param, "INVALID_ARGUMENT");
        }
        var result = response.path("response");
        boolean error = result.has("error") && !result.has("content");
        var value = result.has("content") ? result.path("content") : result.has("error") ? result.path("error") : result;
        transcript.add(new ChatMessage.ToolResult(previousCalls.get(index).id(), name,
            value.isTextual() ? value.asText() : value.toString(), error));
        answered.add(name);
      } else {
        throw unknownPart(param, i);
      }
    }
    if (!previousCalls.isEmpty() && answered.size() != previousCalls.size()) {
      throw new InvalidRequestException("Please ensure that the number of function response parts is equal to the "
          + "number of function call parts of the function call turn.", param, "INVALID_ARGUMENT");
    }
    if (!text.isEmpty()) {
      transcript.add(new ChatMessage.User(text.toString()));
    }
  }

  private static InvalidRequestException unknownPart(String param, int index) {
    return new InvalidRequestException("* GenerateContentRequest." + param + ".parts[" + index + "]: a part holds "
        + "text, a function_call or a function_response", param, "INVALID_ARGUMENT");
  }

  private List<ToolSpec> readTools(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("Invalid value at 'tools': expected a list", "tools", "INVALID_ARGUMENT");
    }
    var specs = new ArrayList<ToolSpec>();
    for (int t = 0; t < node.size(); t++) {
      var declarations = node.get(t).path("functionDeclarations");
      for (int i = 0; i < declarations.size(); i++) {
        var declaration = declarations.get(i);
        var param = "tools[" + t + "].function_declarations[" + i + "]";
        refuseUnsupportedSchema(declaration.path("parameters"), param + ".parameters");
        specs.add(tools.spec(declaration.path("name"), declaration.path("description"), declaration.path("parameters"),
            param));
      }
    }
    tools.requireUniqueNames(specs, "tools");
    return specs;
  }

  private static void refuseUnsupportedSchema(JsonNode schema, String param) {
    if (schema.isObject()) {
      for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
        var name = names.next();
        if (REFUSED_SCHEMA_KEYS.contains(name)) {
          throw new InvalidRequestException("Invalid JSON payload received. Unknown name \"" + name + "\" at '"
              + param + "': Cannot find field.", param, "INVALID_ARGUMENT");
        }
        refuseUnsupportedSchema(schema.path(name), param + "." + name);
      }
    } else if (schema.isArray()) {
      for (var item : schema) {
        refuseUnsupportedSchema(item, param);
      }
    }
  }

  private static String texts(JsonNode parts, String param) {
    var text = new StringBuilder();
    for (var part : parts) {
      if (!part.path("text").isTextual()) {
        throw new InvalidRequestException("* GenerateContentRequest." + param + ": only text parts are allowed",
            param, "INVALID_ARGUMENT");
      }
      text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
    }
    return text.toString();
  }
}
