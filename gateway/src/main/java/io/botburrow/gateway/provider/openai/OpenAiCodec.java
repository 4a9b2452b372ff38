package io.botburrow.gateway.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Maps provider-neutral requests to the OpenAI chat-completions wire format and back. Pure. */
public final class OpenAiCodec {
  /** Reasoning models take {@code max_completion_tokens} and only their default temperature. */
  private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5).*");

  private final ObjectMapper mapper;

  public OpenAiCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ObjectNode encode(ChatRequest request) {
    var body = mapper.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    request.messages().forEach(message -> messages.add(encode(message)));
    if (!request.tools().isEmpty()) {
      var tools = body.putArray("tools");
      request.tools().forEach(tool -> tools.add(encode(tool)));
    }
    boolean reasoning = REASONING_MODEL.matcher(request.model()).matches();
    if (request.maxTokens() > 0) {
      body.put(reasoning ? "max_completion_tokens" : "max_tokens", request.maxTokens());
    }
    if (!reasoning) {
      body.put("temperature", request.temperature());
    }
    return body;
  }

  ObjectNode encode(ChatMessage message) {
    var node = mapper.createObjectNode();
    switch (message) {
      case ChatMessage.System system -> node.put("role", "system").put("content", system.content());
      case ChatMessage.User user -> node.put("role", "user").put("content", user.content());
      case ChatMessage.Assistant assistant -> encodeAssistant(node, assistant);
      case ChatMessage.ToolResult result -> node.put("role", "tool")
          .put("tool_call_id", result.toolCallId())
          .put("content", result.isError() ? "Error: " + result.content() : result.content());
    }
    return node;
  }

  private void encodeAssistant(ObjectNode node, ChatMessage.Assistant assistant) {
    node.put("role", "assistant");
    if (assistant.content().isEmpty() && !assistant.toolCalls().isEmpty()) {
      node.putNull("content");
    } else {
      node.put("content", assistant.content());
    }
    if (assistant.toolCalls().isEmpty()) {
      return;
    }
    var calls = node.putArray("tool_calls");
    for (var call : assistant.toolCalls()) {
      var callNode = calls.addObject().put("id", call.id()).put("type", "function");
      callNode.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
    }
  }

  private ObjectNode encode(ToolSpec tool) {
    var node = mapper.createObjectNode().put("type", "function");
    node.putObject("function")
        .put("name", tool.name())
        .put("description", tool.description())
        .set("parameters", mapper.valueToTree(tool.parameters()));
    return node;
  }

  /** Reads {@code choices[0]}, {@code usage} and {@code model} of a chat completion. */
  public ChatResponse decode(JsonNode body, String requestedModel) {
    var choices = body.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new LlmException("OpenAI-compatible response has no choices", 0, false, null);
    }
    var choice = choices.get(0);
    var message = choice.path("message");
    var content = message.path("content").isTextual() ? message.path("content").asText() : "";
    var usage = body.path("usage");
    var model = body.path("model").asText("");
    return new ChatResponse(
        content,
        decodeToolCalls(message.path("tool_calls")),
        new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
            usage.path("prompt_tokens_details").path("cached_tokens").asLong(0)),
        choice.path("finish_reason").asText(""),
        model.isEmpty() ? requestedModel : model);
  }

  /** Feeds one {@code chat.completion.chunk} of a stream to {@code out}. */
  public void decodeChunk(String data, ResponseAssembler out) {
    JsonNode chunk;
    try {
      chunk = mapper.readTree(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new LlmException("OpenAI-compatible stream sent a chunk that is not JSON", 0, true, e);
    }
    if (chunk.has("error")) {
      throw new LlmException("OpenAI-compatible stream failed: " + chunk.path("error").path("message").asText(""), 0, true,
          null);
    }
    out.model(chunk.path("model").asText(""));
    var usage = chunk.path("usage");
    if (usage.isObject()) {
      out.usage(new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
          usage.path("prompt_tokens_details").path("cached_tokens").asLong(0)));
    }
    var choice = chunk.path("choices").path(0);
    if (choice.isMissingNode()) {
      return;
    }
    var delta = choice.path("delta");
    if (delta.path("content").isTextual()) {
      out.text(delta.path("content").asText());
    }
    for (var call : delta.path("tool_calls")) {
      int index = call.path("index").asInt(0);
      var function = call.path("function");
      if (call.hasNonNull("id") || function.hasNonNull("name")) {
        out.toolCallStarted(index, call.path("id").asText("call_" + index), function.path("name").asText(""));
      }
      if (function.path("arguments").isTextual()) {
        out.toolCallArguments(index, function.path("arguments").asText());
      }
    }
    if (choice.path("finish_reason").isTextual()) {
      out.finishReason(choice.path("finish_reason").asText());
    }
  }

  private List<ToolCall> decodeToolCalls(JsonNode calls) {
    if (!calls.isArray()) {
      return List.of();
    }
    var result = new ArrayList<ToolCall>();
    for (int i = 0; i < calls.size(); i++) {
      var call = calls.get(i);
      var function = call.path("function");
      var arguments = function.path("arguments");
      // some compatible servers send the arguments as an object instead of a JSON string
      var argumentsJson = arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "{}" : arguments.toString();
      // and some omit the id, which the next request must echo back
      var id = call.path("id").asText("");
      result.add(new ToolCall(id.isEmpty() ? "call_" + i : id, function.path("name").asText(), argumentsJson));
    }
    return result;
  }
}
