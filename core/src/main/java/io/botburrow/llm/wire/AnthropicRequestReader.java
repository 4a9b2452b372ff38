package io.botburrow.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a Messages API body the way Anthropic does and converts it to a {@link ChatRequest}:
 * every {@code tool_use} must be answered by a {@code tool_result} in the very next (user) message,
 * and every {@code tool_result} must answer a {@code tool_use} of the message before it.
 */
public final class AnthropicRequestReader {
  private final ToolSchemas tools;

  public AnthropicRequestReader(ObjectMapper mapper) {
    this.tools = new ToolSchemas(mapper);
  }

  public ChatRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidRequestException("The request body must be a JSON object.", null, null);
    }
    var model = body.path("model");
    if (!model.isTextual() || model.asText().isBlank()) {
      throw new InvalidRequestException("model: Field required", "model", null);
    }
    var maxTokens = body.path("max_tokens");
    if (!maxTokens.isIntegralNumber() || maxTokens.asInt() < 1) {
      throw new InvalidRequestException("max_tokens: Field required (an integer >= 1)", "max_tokens", null);
    }
    var messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw new InvalidRequestException("messages: Field required (at least one message)", "messages", null);
    }
    var toolSpecs = readTools(body.path("tools"));
    var transcript = new ArrayList<ChatMessage>();
    var system = text(body.path("system"), "system");
    if (!system.isEmpty()) {
      transcript.add(new ChatMessage.System(system));
    }
    new Walk(toolSpecs, transcript).run(messages);
    double temperature = body.path("temperature").isNumber() ? body.path("temperature").asDouble() : 1.0;
    return new ChatRequest(model.asText(), transcript, toolSpecs, temperature, maxTokens.asInt());
  }

  private List<ToolSpec> readTools(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("tools: Input should be a valid list", "tools", null);
    }
    var specs = new ArrayList<ToolSpec>();
    for (int i = 0; i < node.size(); i++) {
      var tool = node.get(i);
      if (!tool.path("input_schema").isObject()) {
        throw new InvalidRequestException("tools." + i + ".input_schema: Field required", "tools." + i, null);
      }
      specs.add(tools.spec(tool.path("name"), tool.path("description"), tool.path("input_schema"), "tools." + i));
    }
    tools.requireUniqueNames(specs, "tools");
    return specs;
  }

  /** Walks the messages, remembering the tool_use ids of the previous assistant message. */
  private final class Walk {
    private final List<String> toolNames;
    private final List<ChatMessage> transcript;
    private Map<String, String> previousCalls = Map.of();

    Walk(List<ToolSpec> specs, List<ChatMessage> transcript) {
      this.toolNames = specs.stream().map(ToolSpec::name).toList();
      this.transcript = transcript;
    }

    void run(JsonNode messages) {
      for (int i = 0; i < messages.size(); i++) {
        var message = messages.get(i);
        var role = message.path("role").asText("");
        var param = "messages." + i;
        Map<String, String> answered = switch (role) {
          case "user" -> user(message.path("content"), param);
          case "assistant" -> Map.of();
          default -> throw new InvalidRequestException(param + ".role: Input should be 'user' or 'assistant'",
              param + ".role", null);
        };
        requireAllAnswered(answered, param);
        previousCalls = role.equals("assistant") ? assistant(message.path("content"), param) : Map.of();
      }
      requireAllAnswered(Map.of(), "messages." + messages.size());
    }

    private void requireAllAnswered(Map<String, String> answered, String param) {
      var missing = previousCalls.keySet().stream().filter(id -> !answered.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidRequestException(param + ": `tool_use` ids were found without `tool_result` blocks "
            + "immediately after: " + String.join(", ", missing) + ". Each `tool_use` block must have a "
            + "corresponding `tool_result` block in the next message.", param, null);
      }
    }

    private Map<String, String> assistant(JsonNode content, String param) {
      var text = new StringBuilder();
      var calls = new ArrayList<ToolCall>();
      var ids = new LinkedHashMap<String, String>();
      var blocks = blocks(content);
      for (int j = 0; j < blocks.size(); j++) {
        var block = blocks.get(j);
        var blockParam = param + ".content." + j;
        switch (block.path("type").asText("")) {
          case "text" -> text.append(block.path("text").asText(""));
          case "tool_use" -> {
            var call = toolUse(block, blockParam);
            calls.add(call);
            ids.put(call.id(), call.name());
          }
          case "thinking", "redacted_thinking" -> { }
          default -> throw unknownBlock(block, blockParam);
        }
      }
      transcript.add(new ChatMessage.Assistant(text.toString(), calls));
      return ids;
    }

    private ToolCall toolUse(JsonNode block, String param) {
      var id = block.path("id").asText("");
      var name = block.path("name").asText("");
      if (id.isBlank()) {
        throw new InvalidRequestException(param + ".tool_use.id: Field required", param, null);
      }
      if (!toolNames.contains(name)) {
        throw new InvalidRequestException(param + ".tool_use.name: tool '" + name + "' is not among the tools of "
            + "this request", param, null);
      }
      if (!block.path("input").isObject()) {
        throw new InvalidRequestException(param + ".tool_use.input: Input should be a valid dictionary", param, null);
      }
      return new ToolCall(id, name, block.path("input").toString());
    }

    private Map<String, String> user(JsonNode content, String param) {
      var answered = new HashMap<String, String>();
      var text = new StringBuilder();
      var blocks = blocks(content);
      for (int j = 0; j < blocks.size(); j++) {
        var block = blocks.get(j);
        switch (block.path("type").asText("")) {
          case "text" -> text.append(text.isEmpty() ? "" : "\n").append(block.path("text").asText(""));
          case "tool_result" -> toolResult(block, param + ".content." + j, answered);
          case "image", "document" -> { }
          default -> throw unknownBlock(block, param + ".content." + j);
        }
      }
      if (!text.isEmpty()) {
        transcript.add(new ChatMessage.User(text.toString()));
      }
      return answered;
    }

    private void toolResult(JsonNode block, String param, Map<String, String> answered) {
      var id = block.path("tool_use_id").asText("");
      if (!previousCalls.containsKey(id) || answered.containsKey(id)) {
        throw new InvalidRequestException(param + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
            + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.",
            param, null);
      }
      answered.put(id, previousCalls.get(id));
      var content = text(block.path("content"), param + ".content");
      transcript.add(new ChatMessage.ToolResult(id, previousCalls.get(id), content, block.path("is_error").asBoolean()));
    }
  }

  private static List<JsonNode> blocks(JsonNode content) {
    if (content.isTextual()) {
      return List.of(JsonNodeFactory.instance.objectNode().put("type", "text").put("text", content.asText()));
    }
    if (!content.isArray()) {
      throw new InvalidRequestException("content: Input should be a valid string or list of content blocks",
          "content", null);
    }
    var list = new ArrayList<JsonNode>();
    content.forEach(list::add);
    return list;
  }

  private static InvalidRequestException unknownBlock(JsonNode block, String param) {
    return new InvalidRequestException(param + ".type: unexpected content block type '"
        + block.path("type").asText("") + "'", param, null);
  }

  /** A string, or text blocks joined; missing means empty. */
  private static String text(JsonNode node, String param) {
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      var text = new StringBuilder();
      node.forEach(block -> text.append(text.isEmpty() ? "" : "\n").append(block.path("text").asText("")));
      return text.toString();
    }
    throw new InvalidRequestException(param + ": Input should be a valid string or list of text blocks", param, null);
  }
}
