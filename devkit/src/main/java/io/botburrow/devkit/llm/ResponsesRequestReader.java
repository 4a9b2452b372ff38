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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a Responses API body ({@code POST /v1/responses}) and converts it to a {@link ChatRequest}:
 * {@code instructions} and system or developer messages become system messages, consecutive function
 * calls one assistant turn, {@code function_call_output} items tool results. Reasoning items, and
 * tools other than {@code function} (hosted, custom, namespaces), are skipped as a model without them
 * would; stored conversations ({@code previous_response_id}) are refused.
 */
final class ResponsesRequestReader {
  private static final Set<String> SKIPPED_ITEMS = Set.of("reasoning", "item_reference", "web_search_call");

  private final ToolSchemas tools;

  ResponsesRequestReader(ObjectMapper mapper) {
    this.tools = new ToolSchemas(mapper);
  }

  ChatRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("The request body must be a JSON object.", null, "invalid_json");
    }
    var model = body.path("model");
    if (!model.isTextual() || model.asText().isBlank()) {
      throw new InvalidRequestException("Missing required parameter: 'model'.", "model", "missing_required_parameter");
    }
    if (body.path("previous_response_id").isTextual()) {
      throw new InvalidRequestException("Previous response with id '" + body.path("previous_response_id").asText()
          + "' not found.", "previous_response_id", "previous_response_not_found");
    }
    var messages = new ArrayList<ChatMessage>();
    if (body.path("instructions").isTextual() && !body.path("instructions").asText().isEmpty()) {
      messages.add(new ChatMessage.System(body.path("instructions").asText()));
    }
    var input = body.path("input");
    if (input.isTextual()) {
      messages.add(new ChatMessage.User(input.asText()));
    } else if (input.isArray()) {
      items(input, messages);
    } else {
      throw new InvalidRequestException("Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    if (messages.isEmpty()) {
      throw new InvalidRequestException("Invalid 'input': empty array.", "input", "empty_array");
    }
    var specs = new ArrayList<ToolSpec>();
    var node = body.path("tools");
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      var tool = node.get(i);
      if ("function".equals(tool.path("type").asText())) {
        specs.add(tools.spec(tool.path("name"), tool.path("description"), tool.path("parameters"), "tools[" + i + "]"));
      }
    }
    tools.requireUniqueNames(specs, "tools");
    int maxTokens = body.path("max_output_tokens").asInt(0);
    return new ChatRequest(model.asText(), messages, specs, body.path("temperature").asDouble(1.0), maxTokens);
  }

  private void items(JsonNode input, List<ChatMessage> messages) {
    Map<String, String> callNames = new HashMap<>();
    List<ToolCall> calls = null;
    String assistantText = "";
    for (int i = 0; i < input.size(); i++) {
      var item = input.get(i);
      var param = "input[" + i + "]";
      var type = item.path("type").asText(item.has("role") ? "message" : "");
      if (type.equals("function_call")) {
        var arguments = item.path("arguments").asText("");
        tools.requireJsonObject(arguments, param + ".arguments");
        calls = calls == null ? new ArrayList<>() : calls;
        calls.add(new ToolCall(item.path("call_id").asText(), item.path("name").asText(), arguments));
        callNames.put(item.path("call_id").asText(), item.path("name").asText());
        continue;
      }
      if (calls != null) {
        messages.add(new ChatMessage.Assistant(assistantText, calls));
        calls = null;
        assistantText = "";
      }
      switch (type) {
        case "message" -> {
          var role = item.path("role").asText("");
          var text = text(item.path("content"), param);
          switch (role) {
            case "system", "developer" -> messages.add(new ChatMessage.System(text));
            case "user" -> messages.add(new ChatMessage.User(text));
            case "assistant" -> messages.add(new ChatMessage.Assistant(text, List.of()));
            default -> throw new InvalidRequestException("Invalid value: '" + role + "'.", param + ".role",
                "invalid_value");
          }
        }
        case "function_call_output" -> {
          var id = item.path("call_id").asText("");
          if (!callNames.containsKey(id)) {
            throw new InvalidRequestException("No tool call found for function call output with call_id " + id + ".",
                param + ".call_id", "invalid_value");
          }
          var output = item.path("output");
          messages.add(new ChatMessage.ToolResult(id, callNames.get(id),
              output.isTextual() ? output.asText() : text(output, param + ".output"), false));
        }
        default -> {
          if (!SKIPPED_ITEMS.contains(type)) {
            throw new InvalidRequestException("Invalid value: '" + type + "'.", param + ".type", "invalid_value");
          }
        }
      }
    }
    if (calls != null) {
      messages.add(new ChatMessage.Assistant(assistantText, calls));
    }
  }

  private static String text(JsonNode content, String param) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      throw new InvalidRequestException("Invalid type for '" + param + ".content': expected a string or an array.",
          param + ".content", "invalid_type");
    }
    var text = new StringBuilder();
    for (var part : content) {
      if (part.path("text").isTextual()) {
        text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
      }
    }
    return text.toString();
  }
}
