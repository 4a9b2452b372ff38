package io.botburrow.gateway.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps provider-neutral requests to the Anthropic Messages format and back. Pure. System messages
 * become the top-level {@code system}; tool results become {@code tool_result} blocks of a user
 * message, and consecutive messages of one role are merged, as the API expects.
 */
public final class AnthropicCodec {
  /** The Messages API requires max_tokens; used when the request leaves it open. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  private final ObjectMapper mapper;

  public AnthropicCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ObjectNode encode(ChatRequest request) {
    var body = mapper.createObjectNode();
    body.put("model", request.model());
    body.put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : DEFAULT_MAX_TOKENS);
    // Anthropic's temperature range is 0..1, OpenAI's 0..2
    body.put("temperature", Math.max(0.0, Math.min(1.0, request.temperature())));
    var system = systemPrompt(request.messages());
    if (!system.isEmpty()) {
      body.put("system", system);
    }
    body.set("messages", messages(request.messages()));
    if (!request.tools().isEmpty()) {
      var tools = body.putArray("tools");
      request.tools().forEach(tool -> tools.addObject()
          .put("name", tool.name())
          .put("description", tool.description())
          .set("input_schema", mapper.valueToTree(tool.parameters())));
    }
    return body;
  }

  private static String systemPrompt(List<ChatMessage> messages) {
    return String.join("\n\n", messages.stream()
        .filter(ChatMessage.System.class::isInstance)
        .map(message -> ((ChatMessage.System) message).content())
        .filter(content -> !content.isBlank())
        .toList());
  }

  private ArrayNode messages(List<ChatMessage> messages) {
    var result = mapper.createArrayNode();
    String lastRole = null;
    ArrayNode lastContent = null;
    for (var message : messages) {
      var role = switch (message) {
        case ChatMessage.System ignored -> null;
        case ChatMessage.Assistant ignored -> "assistant";
        case ChatMessage.User ignored -> "user";
        case ChatMessage.ToolResult ignored -> "user";
      };
      var blocks = blocks(message);
      if (role == null || blocks.isEmpty()) {
        continue;
      }
      if (!role.equals(lastRole)) {
        var node = result.addObject().put("role", role);
        lastContent = node.putArray("content");
        lastRole = role;
      }
      // tool results go before text in a merged user message, as the API asks
      if (message instanceof ChatMessage.ToolResult) {
        lastContent.insert(countToolResults(lastContent), blocks.get(0));
      } else {
        lastContent.addAll(blocks);
      }
    }
    return result;
  }

  private static int countToolResults(ArrayNode content) {
    int count = 0;
    while (count < content.size() && "tool_result".equals(content.get(count).path("type").asText())) {
      count++;
    }
    return count;
  }

  private List<ObjectNode> blocks(ChatMessage message) {
    var blocks = new ArrayList<ObjectNode>();
    switch (message) {
      case ChatMessage.System ignored -> { }
      case ChatMessage.User user -> addText(blocks, user.content());
      case ChatMessage.Assistant assistant -> {
        addText(blocks, assistant.content());
        assistant.toolCalls().forEach(call -> blocks.add(toolUse(call)));
      }
      case ChatMessage.ToolResult result -> {
        var block = mapper.createObjectNode()
            .put("type", "tool_result")
            .put("tool_use_id", result.toolCallId())
            .put("content", result.content());
        if (result.isError()) {
          block.put("is_error", true);
        }
        blocks.add(block);
      }
    }
    return blocks;
  }

  /** The API refuses empty text blocks. */
  private void addText(List<ObjectNode> blocks, String text) {
    if (!text.isBlank()) {
      blocks.add(mapper.createObjectNode().put("type", "text").put("text", text));
    }
  }

  private ObjectNode toolUse(ToolCall call) {
    return mapper.createObjectNode()
        .put("type", "tool_use")
        .put("id", call.id())
        .put("name", call.name())
        .set("input", input(call.argumentsJson()));
  }

  /** A model (maybe another provider's, after a fallback) can emit broken JSON; keep it visible. */
  private JsonNode input(String argumentsJson) {
    try {
      var node = mapper.readTree(argumentsJson);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // fall through
    }
    return mapper.createObjectNode().put("raw_arguments", argumentsJson);
  }

  /**
   * Usage of a Messages response or stream event; cached prompt tokens are billed input too. {@code
   * knownInput} is what an earlier event of the same stream reported, for events that report only output.
   */
  public Usage usage(JsonNode usage, long knownInput) {
    long cached = usage.path("cache_read_input_tokens").asLong(0);
    long input = usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0) + cached;
    return new Usage(Math.max(input, knownInput), usage.path("output_tokens").asLong(0), cached);
  }

  JsonNode parse(String data) {
    try {
      return mapper.readTree(data);
    } catch (JsonProcessingException e) {
      throw new io.botburrow.llm.LlmException("Anthropic stream sent an event that is not JSON", 0, true, e);
    }
  }

  public ChatResponse decode(JsonNode body, String requestedModel) {
    var text = new StringBuilder();
    var calls = new ArrayList<ToolCall>();
    for (var block : body.path("content")) {
      switch (block.path("type").asText("")) {
        case "text" -> text.append(block.path("text").asText(""));
        case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(),
            block.path("input").isObject() ? block.path("input").toString() : "{}"));
        default -> { }
      }
    }
    var model = body.path("model").asText("");
    return new ChatResponse(text.toString(), calls, usage(body.path("usage"), 0),
        body.path("stop_reason").asText(""), model.isEmpty() ? requestedModel : model);
  }
}
