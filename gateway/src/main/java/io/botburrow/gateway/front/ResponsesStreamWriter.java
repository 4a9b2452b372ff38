package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streamed Responses API answer: {@code response.created}, then per output item {@code
 * response.output_item.added}, its deltas ({@code response.output_text.delta}, {@code
 * response.function_call_arguments.delta}) and {@code response.output_item.done}, and last {@code
 * response.completed} (or {@code response.incomplete}) with the whole output and the usage. An error
 * after the start is {@code response.failed}.
 */
final class ResponsesStreamWriter implements SseWriter {
  private final ResponsesFront front;
  private final ObjectMapper mapper;
  private final OutputStream out;
  private final Runnable start;
  /** The caller's alias until the serving deployment is known, then that deployment's model. */
  private String model;
  private final String responseId;
  private final ArrayNode done;
  private final Map<Integer, OpenCall> calls = new LinkedHashMap<>();
  private boolean started;
  private int sequence;
  private int items;
  private OpenText text;
  private OpenCall call;
  private boolean streamedText;

  private record OpenText(String id, int outputIndex, StringBuilder text) {}

  private record OpenCall(String id, int outputIndex, String callId, String name, StringBuilder arguments) {}

  ResponsesStreamWriter(ResponsesFront front, ObjectMapper mapper, OutputStream out, Runnable start, String model) {
    this.front = front;
    this.mapper = mapper;
    this.out = out;
    this.start = start;
    this.model = model;
    this.responseId = front.nextId("resp_bb");
    this.done = mapper.createArrayNode();
  }

  private void begin() {
    if (started) {
      return;
    }
    started = true;
    start.run();
    var head = front.response(responseId, model, "in_progress");
    head.putArray("output");
    write("response.created", event().set("response", head));
    write("response.in_progress", event().set("response", head));
  }

  @Override
  public void text(String delta) {
    begin();
    if (text == null) {
      closeOpen();
      text = new OpenText(front.nextId("msg_bb"), items++, new StringBuilder());
      write("response.output_item.added", event().put("output_index", text.outputIndex())
          .set("item", front.message(text.id(), null, "in_progress")));
      write("response.content_part.added", part(event()).set("part", front.textPart("")));
    }
    streamedText = true;
    text.text().append(delta);
    write("response.output_text.delta", part(event()).put("delta", delta));
  }

  private ObjectNode part(ObjectNode event) {
    return event.put("item_id", text.id()).put("output_index", text.outputIndex()).put("content_index", 0);
  }

  @Override
  public void toolCallStarted(int index, String callId, String name) {
    begin();
    closeOpen();
    call = new OpenCall(front.nextId("fc_bb"), items++, callId, name, new StringBuilder());
    calls.put(index, call);
    write("response.output_item.added", event().put("output_index", call.outputIndex())
        .set("item", front.functionCall(call.id(), new ToolCall(callId, name, ""), "in_progress").put("arguments", "")));
  }

  @Override
  public void toolCallArguments(int index, String delta) {
    var open = calls.get(index);
    if (open == null || open != call) {
      return;
    }
    open.arguments().append(delta);
    write("response.function_call_arguments.delta", event().put("item_id", open.id())
        .put("output_index", open.outputIndex()).put("delta", delta));
  }

  /** Ends the item in progress: its last text or arguments, then the item as it stands. */
  private void closeOpen() {
    if (text != null) {
      var whole = text.text().toString();
      write("response.output_text.done", part(event()).put("text", whole));
      write("response.content_part.done", part(event()).set("part", front.textPart(whole)));
      var item = front.message(text.id(), whole, "completed");
      done.add(item);
      write("response.output_item.done", event().put("output_index", text.outputIndex()).set("item", item));
      text = null;
    }
    if (call != null) {
      var arguments = call.arguments().toString();
      write("response.function_call_arguments.done", event().put("item_id", call.id())
          .put("output_index", call.outputIndex()).put("arguments", arguments));
      var item = front.functionCall(call.id(), new ToolCall(call.callId(), call.name(), arguments), "completed")
          .put("arguments", arguments);
      done.add(item);
      write("response.output_item.done", event().put("output_index", call.outputIndex()).set("item", item));
      call = null;
    }
  }

  /** Pieces a back-end answered whole instead of streaming are sent as single deltas. */
  private void catchUp(ChatResponse response) {
    if (!streamedText && !response.content().isEmpty()) {
      text(response.content());
    }
    for (int i = 0; i < response.toolCalls().size(); i++) {
      if (!calls.containsKey(i)) {
        var missing = response.toolCalls().get(i);
        toolCallStarted(i, missing.id(), missing.name());
        toolCallArguments(i, missing.argumentsJson());
      }
    }
  }

  @Override
  public void finish(ChatResponse response) {
    begin();
    catchUp(response);
    closeOpen();
    var body = front.response(responseId, model, "completed");
    body.set("output", done);
    front.complete(body, response);
    var incomplete = body.path("status").asText().equals("incomplete");
    write(incomplete ? "response.incomplete" : "response.completed", event().set("response", body));
  }

  @Override
  public void fail(int status, String message) {
    closeOpen();
    var body = front.response(responseId, model, "failed");
    body.set("output", done);
    body.putObject("error").put("code", code(status)).put("message", message);
    write("response.failed", event().set("response", body));
    flush();
  }

  /** The error codes the Responses API uses, which clients such as Codex act on. */
  private static String code(int status) {
    return switch (status) {
      case 429 -> "rate_limit_exceeded";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  @Override
  public void flush() {
    if (!started) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("caller went away", e);
    }
  }

  /** Named in the events as the whole answer names it: the model that served, not the alias. */
  @Override
  public void serving(String servedModel) {
    if (!started && servedModel != null && !servedModel.isEmpty()) {
      model = servedModel;
    }
  }

  @Override
  public boolean started() {
    return started;
  }

  private ObjectNode event() {
    return mapper.createObjectNode();
  }

  /** Written now, sent at the next {@link #flush()} (or when the server's chunk buffer fills). */
  private void write(String type, ObjectNode data) {
    var event = mapper.createObjectNode().put("type", type).put("sequence_number", sequence++);
    event.setAll(data);
    try {
      out.write(("event: " + type + "\ndata: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("caller went away", e);
    }
  }
}
