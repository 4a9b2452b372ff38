package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.llm.wire.ToolSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversation of a Responses API request, built from its instructions and input items in the
 * provider-neutral form. Throws {@link InvalidRequestException} at the first item that does not fit.
 *
 * <p>Walks the input items: consecutive assistant messages and function calls become one assistant turn,
 * each function call must get its output before the next message.
 */
final class ResponsesTranscript {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
  /** Input items that carry nothing the back-ends can use. */
  private static final Set<String> DROPPED_ITEMS = Set.of("reasoning", "item_reference", "web_search_call",
      "compaction", "compaction_summary");

  private final ToolSchemas tools;
  private final List<ChatMessage> messages = new ArrayList<>();
  private final Map<String, String> callNames = new HashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  private String assistantText;
  private List<ToolCall> assistantCalls;

  ResponsesTranscript(ToolSchemas tools) {
    this.tools = tools;
  }

  /** The messages so far. */
  List<ChatMessage> messages() {
    return messages;
  }

  /** A message given whole outside the input items: the instructions, or an input that is only text. */
  void add(ChatMessage message) {
    messages.add(message);
  }

  /** One input item; {@code param} names it in a refusal ({@code input[3]}). */
  void item(JsonNode item, String param) {
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

  /** After the last input item: every call has its output, and a trailing assistant turn is added. */
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
