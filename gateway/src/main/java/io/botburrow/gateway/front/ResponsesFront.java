package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI Responses API front ({@code POST /v1/responses}), whole and streamed; what the Codex CLI
 * speaks. Stateless: every request carries its whole conversation ({@code store} is ignored).
 */
final class ResponsesFront implements FrontFormat {
  private final ObjectMapper mapper;
  private final ResponsesRequestReader reader;
  private final AtomicLong ids = new AtomicLong();

  ResponsesFront(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader = new ResponsesRequestReader(mapper);
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    return reader.read(body);
  }

  @Override
  public ObjectNode answer(ChatResponse response, String requestedModel) {
    var body = response(nextId("resp_bb"), requestedModel, status(response));
    var output = body.putArray("output");
    if (!response.content().isEmpty()) {
      output.add(message(nextId("msg_bb"), response.content(), "completed"));
    }
    for (var call : response.toolCalls()) {
      output.add(functionCall(nextId("fc_bb"), call, "completed"));
    }
    complete(body, response);
    return body;
  }

  String nextId(String prefix) {
    return prefix + ids.incrementAndGet();
  }

  /** A response object's head; {@code output} and {@code usage} are added by the caller. */
  ObjectNode response(String id, String model, String status) {
    var body = mapper.createObjectNode().put("id", id).put("object", "response")
        .put("created_at", System.currentTimeMillis() / 1000).put("status", status).put("model", model);
    body.putNull("error");
    body.putNull("incomplete_details");
    return body;
  }

  /** Status, incomplete details and usage of a finished response. */
  void complete(ObjectNode body, ChatResponse response) {
    var status = status(response);
    body.put("status", status);
    if (status.equals("incomplete")) {
      body.putObject("incomplete_details").put("reason", "max_output_tokens");
    }
    usage(body, response.usage());
  }

  ObjectNode message(String id, String text, String status) {
    var item = mapper.createObjectNode().put("type", "message").put("id", id).put("status", status)
        .put("role", "assistant");
    var content = item.putArray("content");
    if (text != null) {
      content.add(textPart(text));
    }
    return item;
  }

  ObjectNode textPart(String text) {
    var part = mapper.createObjectNode().put("type", "output_text").put("text", text);
    part.putArray("annotations");
    return part;
  }

  ObjectNode functionCall(String id, ToolCall call, String status) {
    return mapper.createObjectNode().put("type", "function_call").put("id", id).put("call_id", call.id())
        .put("name", call.name()).put("arguments", call.argumentsJson()).put("status", status);
  }

  /** A reply cut short by the token limit is {@code incomplete}, as OpenAI reports it. */
  private static String status(ChatResponse response) {
    return StopReasons.openAi(response.finishReason(), !response.toolCalls().isEmpty()).equals("length")
        ? "incomplete" : "completed";
  }

  private static void usage(ObjectNode body, Usage usage) {
    var node = body.putObject("usage").put("input_tokens", usage.inputTokens());
    node.putObject("input_tokens_details").put("cached_tokens", usage.cachedInputTokens());
    node.put("output_tokens", usage.outputTokens());
    node.putObject("output_tokens_details").put("reasoning_tokens", 0);
    node.put("total_tokens", usage.total());
  }

  /** OpenAI answers an exhausted quota with 429 {@code insufficient_quota}; Codex does not retry it. */
  @Override
  public int budgetSpentStatus() {
    return 429;
  }

  /** The Responses API's HTTP errors have the chat-completions shape. */
  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    return OpenAiFront.errorBody(mapper, status, message, param, code);
  }

  @Override
  public SseWriter streamWriter(OutputStream out, Runnable start, String requestedModel) {
    return new ResponsesStreamWriter(this, mapper, out, start, requestedModel);
  }
}
