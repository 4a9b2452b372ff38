package io.botburrow.gateway.front;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.wire.AnthropicRequestReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The Anthropic Messages front ({@code POST /v1/messages}), whole and streamed. */
final class AnthropicFront implements FrontFormat {
  private final ObjectMapper mapper;
  private final AnthropicRequestReader reader;
  private final AtomicLong ids = new AtomicLong();

  AnthropicFront(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader = new AnthropicRequestReader(mapper);
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    return reader.read(body);
  }

  @Override
  public ObjectNode answer(ChatResponse response, String requestedModel) {
    var body = mapper.createObjectNode().put("id", "msg_bb" + ids.incrementAndGet()).put("type", "message")
        .put("role", "assistant").put("model", requestedModel);
    var content = body.putArray("content");
    if (!response.content().isEmpty()) {
      content.addObject().put("type", "text").put("text", response.content());
    }
    response.toolCalls().forEach(call -> content.addObject().put("type", "tool_use").put("id", call.id())
        .put("name", call.name()).set("input", input(call.argumentsJson())));
    body.put("stop_reason", StopReasons.anthropic(response.finishReason(), !response.toolCalls().isEmpty()));
    body.putNull("stop_sequence");
    body.putObject("usage").put("input_tokens", response.usage().inputTokens() - response.usage().cachedInputTokens())
        .put("cache_read_input_tokens", response.usage().cachedInputTokens())
        .put("output_tokens", response.usage().outputTokens());
    return body;
  }

  private JsonNode input(String json) {
    try {
      var node = mapper.readTree(json);
      return node != null && node.isObject() ? node : mapper.createObjectNode();
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode().put("raw_arguments", json);
    }
  }

  /** Anthropic answers a spent credit balance with 400 {@code invalid_request_error}, which no client retries. */
  @Override
  public int budgetSpentStatus() {
    return 400;
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    var body = mapper.createObjectNode().put("type", "error");
    body.putObject("error").put("type", type(status, code)).put("message", message);
    return body;
  }

  private static String type(int status, String code) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }

  @Override
  public SseWriter streamWriter(OutputStream out, Runnable start, String requestedModel) {
    return new Writer(out, start, requestedModel);
  }

  private final class Writer implements SseWriter {
    private final OutputStream out;
    private final Runnable start;
    /** The caller's alias until the serving deployment is known, then that deployment's model. */
    private String model;
    private static final byte[] TEXT_SUFFIX = "\"}}\n\n".getBytes(StandardCharsets.UTF_8);
    private boolean started;
    private int blocks;
    private boolean textOpen;
    private final Map<Integer, Integer> blockOfCall = new java.util.HashMap<>();

    Writer(OutputStream out, Runnable start, String model) {
      this.out = out;
      this.start = start;
      this.model = model;
    }

    private void begin() {
      if (started) {
        return;
      }
      started = true;
      start.run();
      var event = mapper.createObjectNode().put("type", "message_start");
      var message = event.putObject("message").put("id", "msg_bb" + ids.incrementAndGet()).put("type", "message")
          .put("role", "assistant").put("model", model);
      message.putArray("content");
      message.putNull("stop_reason");
      message.putNull("stop_sequence");
      message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
      write("message_start", event);
    }

    @Override
    public void text(String delta) {
      begin();
      if (!textOpen) {
        closeBlocks();
        var open = mapper.createObjectNode().put("type", "content_block_start").put("index", blocks);
        open.putObject("content_block").put("type", "text").put("text", "");
        write("content_block_start", open);
        textOpen = true;
      }
      // text deltas are most of a stream: written without a JSON tree each
      try {
        out.write(("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + blocks
            + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"").getBytes(StandardCharsets.UTF_8));
        out.write(JsonStringEncoder.getInstance().quoteAsUTF8(delta));
        out.write(TEXT_SUFFIX);
      } catch (IOException e) {
        throw new UncheckedIOException("caller went away", e);
      }
    }

    @Override
    public void toolCallStarted(int index, String id, String name) {
      begin();
      closeBlocks();
      blockOfCall.put(index, blocks);
      var open = mapper.createObjectNode().put("type", "content_block_start").put("index", blocks);
      open.putObject("content_block").put("type", "tool_use").put("id", id).put("name", name).putObject("input");
      write("content_block_start", open);
    }

    @Override
    public void toolCallArguments(int index, String delta) {
      var block = blockOfCall.get(index);
      if (block == null) {
        return;
      }
      var event = mapper.createObjectNode().put("type", "content_block_delta").put("index", block);
      event.putObject("delta").put("type", "input_json_delta").put("partial_json", delta);
      write("content_block_delta", event);
    }

    /** Closes the block in progress; the next one gets the next index. */
    private void closeBlocks() {
      if (textOpen || blockOfCall.containsValue(blocks)) {
        write("content_block_stop", mapper.createObjectNode().put("type", "content_block_stop").put("index", blocks));
        blocks++;
        textOpen = false;
      }
    }

    @Override
    public void finish(ChatResponse response) {
      begin();
      closeBlocks();
      var event = mapper.createObjectNode().put("type", "message_delta");
      event.putObject("delta").put("stop_reason", StopReasons.anthropic(response.finishReason(),
          !response.toolCalls().isEmpty())).putNull("stop_sequence");
      event.putObject("usage").put("input_tokens", response.usage().inputTokens() - response.usage().cachedInputTokens())
          .put("cache_read_input_tokens", response.usage().cachedInputTokens())
          .put("output_tokens", response.usage().outputTokens());
      write("message_delta", event);
      write("message_stop", mapper.createObjectNode().put("type", "message_stop"));
    }

    @Override
    public void fail(int status, String message) {
      write("error", error(status, message, null, null));
      flush();
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

    private void write(String name, ObjectNode data) {
      try {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("caller went away", e);
      }
    }
  }
}
