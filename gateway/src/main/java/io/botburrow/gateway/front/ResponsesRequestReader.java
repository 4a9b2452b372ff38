package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.ToolSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a Responses API body ({@code POST /v1/responses}) and converts it to a {@link ChatRequest}.
 * Throws {@link InvalidRequestException} at the first problem, with OpenAI's wording where known.
 *
 * <p>What has no counterpart in the provider-neutral request is dropped, not refused, so that agent
 * CLIs (Codex) work unchanged: {@code reasoning} settings and {@code reasoning} input items (their
 * content is encrypted for one provider), {@code store}, {@code include}, {@code parallel_tool_calls},
 * {@code tool_choice}, {@code prompt_cache_key}, metadata, and tools other than {@code function}
 * (hosted tools such as {@code web_search} that only the provider could run, {@code custom} freeform
 * tools and tool {@code namespace}s, which the chat formats of the back-ends cannot express). What the
 * gateway cannot honour is refused: {@code previous_response_id} and {@code background} (it keeps no
 * responses), and non-text content.
 */
final class ResponsesRequestReader {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
  /** Input items that carry nothing the back-ends can use. */
  private static final Set<String> DROPPED_ITEMS = Set.of("reasoning", "item_reference", "web_search_call",
      "compaction", "compaction_summary");

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
      throw new InvalidRequestException("'previous_response_id' is not supported: this gateway stores no responses; "
          + "send the whole conversation in 'input' (store: false).", "previous_response_id", "unsupported_parameter");
    }
    if (body.path("background").asBoolean(false)) {
      throw new InvalidRequestException("'background' is not supported by this gateway.", "background",
          "unsupported_parameter");
    }
    var transcript = new Transcript();
    var instructions = body.path("instructions");
    if (instructions.isTextual() && !instructions.asText().isEmpty()) {
      transcript.messages.add(new ChatMessage.System(instructions.asText()));
    } else if (!instructions.isMissingNode() && !instructions.isNull() && !instructions.isTextual()) {
      throw new InvalidRequestException("Invalid type for 'instructions': expected a string.", "instructions",
          "invalid_type");
    }
    var input = body.path("input");
    if (input.isTextual()) {
      transcript.messages.add(new ChatMessage.User(input.asText()));
    } else if (input.isArray()) {
      for (int i = 0; i < input.size(); i++) {
        transcript.add(input.get(i), "input[" + i + "]");
      }
      transcript.finish();
    } else if (!input.isMissingNode() && !input.isNull()) {
      throw new InvalidRequestException("Invalid type for 'input': expected a string or an array of input items.",
          "input", "invalid_type");
    }
    if (transcript.messages.isEmpty()) {
      throw new InvalidRequestException("Missing required parameter: 'input'.", "input", "missing_required_parameter");
    }
    return new ChatRequest(model.asText(), transcript.messages, readTools(body.path("tools")), temperature(body),
        maxTokens(body));
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
      if ("function".equals(tool.path("type").asText())) {
        specs.add(tools.spec(tool.path("name"), tool.path("description"), tool.path("parameters"), "tools[" + i + "]"));
      } else if (!tool.path("type").isTextual()) {
        throw new InvalidRequestException("Missing required parameter: 'tools[" + i + "].type'.", "tools[" + i + "].type",
            "missing_required_parameter");
      }
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
      throw new InvalidRequestException("Invalid 'temperature': expected a number between 0 and 2.", "temperature",
          "invalid_value");
    }
    return node.asDouble();
  }

  private static int maxTokens(JsonNode body) {
    var node = body.path("max_output_tokens");
    if (node.isMissingNode() || node.isNull()) {
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 16) {
      throw new InvalidRequestException("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16.",
          "max_output_tokens", "integer_below_min_value");
    }
    return node.asInt();
  }

  /**
   * Walks the input items: consecutive assistant messages and function calls become one assistant turn,
   * each function call must get its output before the next message.
   */
  private final class Transcript {
    final List<ChatMessage> messages = new ArrayList<>();
    private final Map<String, String> callNames = new HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private String assistantText;
    private List<ToolCall> assistantCalls;

    void add(JsonNode item, String param) {
      if (!item.isObject()) {
        throw new InvalidRequestException("Invalid type for '" + param + "': expected an object.", param, "invalid_type");
      }
      var type = item.path("type").asText(item.has("role") ? "message" : "");
      switch (type) {
        case "message" -> message(item, param);
        case "function_call" -> call(item.path("call_id"), item.path("name").asText(""), item.path("arguments"), param);
        case "custom_tool_call" -> call(item.path("call_id"), item.path("name").asText(""),
            customArguments(item.path("input")), param);
        case "function_call_output", "custom_tool_call_output" -> output(item, param);
        default -> {
          if (!DROPPED_ITEMS.contains(type)) {
            throw new InvalidRequestException("Invalid value: '" + type + "'. This gateway supports the input item types "
                + "'message', 'function_call', 'function_call_output' and 'reasoning'.", param + ".type",
                "invalid_value");
          }
        }
      }
    }

    void finish() {
      requireNoPendingCalls("input");
      flushAssistant();
    }

    private void message(JsonNode item, String param) {
      var role = item.path("role").asText("");
      if (!ROLES.contains(role)) {
        throw new InvalidRequestException("Invalid value: '" + role + "'. Supported values are: 'assistant', 'system', "
            + "'developer', and 'user'.", param + ".role", "invalid_value");
      }
      requireNoPendingCalls(param);
      var text = text(item.path("content"), param);
      if (role.equals("assistant")) {
        if (assistantCalls != null && !assistantCalls.isEmpty()) {
          flushAssistant();
        }
        assistantText = assistantText == null || assistantText.isEmpty() ? text : assistantText + "\n" + text;
        assistantCalls = assistantCalls == null ? new ArrayList<>() : assistantCalls;
        return;
      }
      flushAssistant();
      messages.add(role.equals("user") ? new ChatMessage.User(text) : new ChatMessage.System(text));
    }

    private void call(JsonNode callId, String name, JsonNode arguments, String param) {
      if (!callId.isTextual() || callId.asText().isBlank()) {
        throw new InvalidRequestException("Missing required parameter: '" + param + ".call_id'.", param + ".call_id",
            "missing_required_parameter");
      }
      if (name.isBlank()) {
        throw new InvalidRequestException("Missing required parameter: '" + param + ".name'.", param + ".name",
            "missing_required_parameter");
      }
      if (!arguments.isTextual()) {
        throw new InvalidRequestException("Invalid type for '" + param + ".arguments': expected a string.",
            param + ".arguments", "invalid_type");
      }
      tools.requireJsonObject(arguments.asText(), param + ".arguments");
      if (assistantCalls == null) {
        assistantText = "";
        assistantCalls = new ArrayList<>();
      }
      assistantCalls.add(new ToolCall(callId.asText(), name, arguments.asText()));
      callNames.put(callId.asText(), name);
      pending.add(callId.asText());
    }

    private void output(JsonNode item, String param) {
      var id = item.path("call_id").asText("");
      if (!callNames.containsKey(id)) {
        throw new InvalidRequestException("No tool call found for function call output with call_id " + id + ".",
            param + ".call_id", "invalid_value");
      }
      flushAssistant();
      pending.remove(id);
      var output = item.path("output");
      var content = output.isTextual() ? output.asText() : text(output, param + ".output");
      messages.add(new ChatMessage.ToolResult(id, callNames.get(id), content, false));
    }

    private void flushAssistant() {
      if (assistantCalls != null) {
        messages.add(new ChatMessage.Assistant(assistantText, assistantCalls));
        assistantText = null;
        assistantCalls = null;
      }
    }

    private void requireNoPendingCalls(String param) {
      if (!pending.isEmpty()) {
        throw new InvalidRequestException("No tool output found for function call " + String.join(", ", pending) + ".",
            param, "invalid_value");
      }
    }
  }

  /** A freeform call's input, as the arguments of a function with one string parameter {@code input}. */
  static JsonNode customArguments(JsonNode input) {
    return TextNode.valueOf(JsonNodeFactory.instance.objectNode().put("input", input.asText("")).toString());
  }

  /** Content is a string or an array of text parts ({@code input_text}, {@code output_text}, {@code text}). */
  private static String text(JsonNode content, String param) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      throw new InvalidRequestException("Invalid type for '" + param + ".content': expected a string or an array.",
          param + ".content", "invalid_type");
    }
    var text = new StringBuilder();
    for (int i = 0; i < content.size(); i++) {
      var part = content.get(i);
      var type = part.path("type").asText("");
      switch (type) {
        case "input_text", "output_text", "text", "refusal" -> {
          var value = part.path(type.equals("refusal") ? "refusal" : "text");
          text.append(text.isEmpty() ? "" : "\n").append(value.asText(""));
        }
        default -> throw new InvalidRequestException("Invalid value: '" + type + "'. This gateway supports only text "
            + "content ('input_text', 'output_text').", param + ".content[" + i + "].type", "invalid_value");
      }
    }
    return text.toString();
  }
}
