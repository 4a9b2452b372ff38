package io.botburrow.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a chat-completions body the way OpenAI does and converts it to a {@link ChatRequest}.
 * Throws {@link InvalidRequestException} at the first problem, with OpenAI's wording where known.
 */
public final class OpenAiRequestReader {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

  private final ObjectMapper mapper;
  private final ToolSchemas tools;

  public OpenAiRequestReader(ObjectMapper mapper) {
    this.mapper = mapper;
    this.tools = new ToolSchemas(mapper);
  }

  public ChatRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("The request body must be a JSON object.", null, "invalid_json");
    }
    var model = body.path("model");
    if (!model.isTextual() || model.asText().isBlank()) {
      throw new InvalidRequestException("you must provide a model parameter", "model", "missing_required_parameter");
    }
    var messages = body.path("messages");
    if (!messages.isArray()) {
      throw new InvalidRequestException("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    if (messages.isEmpty()) {
      throw new InvalidRequestException("Invalid 'messages': empty array. Expected an array with minimum length 1.",
          "messages", "empty_array");
    }
    var toolSpecs = readTools(body.path("tools"));
    var transcript = new Transcript(toolSpecs);
    for (int i = 0; i < messages.size(); i++) {
      transcript.add(i, messages.get(i));
    }
    transcript.finish();
    return new ChatRequest(model.asText(), transcript.messages, toolSpecs, temperature(body), maxTokens(body));
  }

  private List<ToolSpec> readTools(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("Invalid type for 'tools': expected an array.", "tools", "invalid_type");
    }
    var specs = new ArrayList<ToolSpec>();
    for (int i = 0; i < node.size(); i++) {
      var tool = node.get(i);
      var param = "tools[" + i + "]";
      if (!"function".equals(tool.path("type").asText())) {
        throw new InvalidRequestException("Invalid value for '" + param + ".type': expected 'function'.",
            param + ".type", "invalid_value");
      }
      var function = tool.path("function");
      specs.add(tools.spec(function.path("name"), function.path("description"), function.path("parameters"),
          param + ".function"));
    }
    tools.requireUniqueNames(specs, "tools");
    return specs;
  }

  private static double temperature(JsonNode body) {
    var node = body.path("temperature");
    if (node.isMissingNode() || node.isNull()) {
      return 1.0;
    }
    if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 2) {
      throw new InvalidRequestException("Invalid 'temperature': expected a number between 0 and 2.",
          "temperature", "invalid_value");
    }
    return node.asDouble();
  }

  private static int maxTokens(JsonNode body) {
    for (var field : List.of("max_completion_tokens", "max_tokens")) {
      var node = body.path(field);
      if (node.isMissingNode() || node.isNull()) {
        continue;
      }
      if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
        throw new InvalidRequestException("Invalid '" + field + "': expected an integer >= 1.", field, "invalid_value");
      }
      return node.asInt();
    }
    return 0;
  }

  /** Walks the messages, tracking which tool calls still wait for their tool message. */
  private final class Transcript {
    final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> toolNames = new LinkedHashSet<>();
    private final Map<String, String> openCalls = new HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();

    Transcript(List<ToolSpec> specs) {
      specs.forEach(spec -> toolNames.add(spec.name()));
    }

    void add(int index, JsonNode message) {
      var param = "messages[" + index + "]";
      var role = message.path("role").asText("");
      if (!ROLES.contains(role)) {
        throw new InvalidRequestException("Invalid value: '" + role + "'. Supported values are: 'system', "
            + "'assistant', 'user', 'tool', and 'developer'.", param + ".role", "invalid_value");
      }
      if (!role.equals("tool")) {
        requireNoPendingCalls(param + ".role");
        openCalls.clear();
      }
      switch (role) {
        case "system", "developer" -> messages.add(new ChatMessage.System(text(message.path("content"), param)));
        case "user" -> messages.add(new ChatMessage.User(text(message.path("content"), param)));
        case "assistant" -> messages.add(assistant(message, param));
        default -> messages.add(toolResult(message, param));
      }
    }

    void finish() {
      requireNoPendingCalls("messages");
    }

    private void requireNoPendingCalls(String param) {
      if (!pending.isEmpty()) {
        throw new InvalidRequestException("An assistant message with 'tool_calls' must be followed by tool messages "
            + "responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
            + String.join(", ", pending), param, null);
      }
    }

    private ChatMessage.Assistant assistant(JsonNode message, String param) {
      var content = message.path("content");
      var calls = message.path("tool_calls");
      boolean hasCalls = calls.isArray() && !calls.isEmpty();
      if (!hasCalls && (content.isNull() || content.isMissingNode())) {
        throw new InvalidRequestException("Invalid value for '" + param + ".content': expected a string, got null.",
            param + ".content", null);
      }
      var text = content.isNull() || content.isMissingNode() ? "" : text(content, param);
      var toolCalls = new ArrayList<ToolCall>();
      for (int j = 0; hasCalls && j < calls.size(); j++) {
        toolCalls.add(toolCall(calls.get(j), param + ".tool_calls[" + j + "]"));
      }
      return new ChatMessage.Assistant(text, toolCalls);
    }

    private ToolCall toolCall(JsonNode call, String param) {
      var id = call.path("id").asText("");
      if (id.isBlank()) {
        throw new InvalidRequestException("Missing required parameter: '" + param + ".id'.", param + ".id",
            "missing_required_parameter");
      }
      var function = call.path("function");
      var name = function.path("name").asText("");
      if (!toolNames.contains(name)) {
        throw new InvalidRequestException("Invalid '" + param + ".function.name': the function '" + name
            + "' is not among the tools of this request.", param + ".function.name", "unknown_function");
      }
      var arguments = function.path("arguments");
      if (!arguments.isTextual()) {
        throw new InvalidRequestException("Invalid type for '" + param + ".function.arguments': expected a string, "
            + "but got " + arguments.getNodeType().name().toLowerCase() + " instead.", param + ".function.arguments",
            "invalid_type");
      }
      tools.requireJsonObject(arguments.asText(), param + ".function.arguments");
      openCalls.put(id, name);
      pending.add(id);
      return new ToolCall(id, name, arguments.asText());
    }

    private ChatMessage.ToolResult toolResult(JsonNode message, String param) {
      var id = message.path("tool_call_id").asText("");
      if (!openCalls.containsKey(id) || !pending.contains(id)) {
        throw new InvalidRequestException("Invalid parameter: messages with role 'tool' must be a response to a "
            + "preceding message with 'tool_calls' (no pending call has id '" + id + "').",
            param + ".tool_call_id", "invalid_tool_call_id");
      }
      pending.remove(id);
      return new ChatMessage.ToolResult(id, openCalls.get(id), text(message.path("content"), param), false);
    }
  }

  /** Content is a string or an array of {@code {"type":"text","text":...}} parts. */
  private static String text(JsonNode content, String param) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      var text = new StringBuilder();
      for (var part : content) {
        if (part.path("type").asText().equals("text") && part.path("text").isTextual()) {
          text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
        }
      }
      return text.toString();
    }
    throw new InvalidRequestException("Invalid type for '" + param + ".content': expected a string or an array.",
        param + ".content", "invalid_type");
  }
}
