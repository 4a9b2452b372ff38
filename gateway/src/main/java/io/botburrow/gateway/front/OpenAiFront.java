package io.botburrow.gateway.front;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.OpenAiRequestReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The OpenAI Chat Completions front ({@code POST /v1/chat/completions}), whole and streamed. */
final class OpenAiFront implements FrontFormat {
  private final ObjectMapper mapper;
  private final OpenAiRequestReader reader;
  private final AtomicLong ids = new AtomicLong();

  OpenAiFront(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader = new OpenAiRequestReader(mapper);
  }

  @Override
  public ChatRequest read(JsonNode body, Map<String, String> headers) {
    return reader.read(body);
  }

  @Override
  public ObjectNode answer(ChatResponse response, String requestedModel) {
    var body = head("chat.completion", requestedModel);
    var choice = body.putArray("choices").addObject().put("index", 0);
    var message = choice.putObject("message").put("role", "assistant");
    if (response.content().isEmpty() && !response.toolCalls().isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", response.content());
    }
    if (!response.toolCalls().isEmpty()) {
      var calls = message.putArray("tool_calls");
      response.toolCalls().forEach(call -> calls.addObject().put("id", call.id()).put("type", "function")
          .putObject("function").put("name", call.name()).put("arguments", call.argumentsJson()));
    }
    choice.put("finish_reason", StopReasons.openAi(response.finishReason(), !response.toolCalls().isEmpty()));
    usage(body, response.usage());
    return body;
  }

  private ObjectNode head(String object, String model) {
    return mapper.createObjectNode().put("id", "chatcmpl-bb" + ids.incrementAndGet()).put("object", object)
        .put("created", System.currentTimeMillis() / 1000).put("model", model);
  }

  private static void usage(ObjectNode body, Usage usage) {
    var node = body.putObject("usage").put("prompt_tokens", usage.inputTokens())
        .put("completion_tokens", usage.outputTokens()).put("total_tokens", usage.total());
    if (usage.cachedInputTokens() > 0) {
      node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedInputTokens());
    }
  }

  /** OpenAI answers an exhausted quota with 429 {@code insufficient_quota}. */
  @Override
  public int budgetSpentStatus() {
    return 429;
  }

  @Override
  public ObjectNode error(int status, String message, String param, String code) {
    return errorBody(mapper, status, message, param, code);
  }

  /** OpenAI's HTTP error body, shared by the fronts that speak OpenAI's APIs. */
  static ObjectNode errorBody(ObjectMapper mapper, int status, String message, String param, String code) {
    var body = mapper.createObjectNode();
    var error = body.putObject("error").put("message", message).put("type", switch (status) {
      case 401 -> "invalid_request_error";
      case 429 -> "insufficient_quota".equals(code) ? "insufficient_quota" : "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    });
    error.put("param", param);
    error.put("code", code);
    return body;
  }

  @Override
  public SseWriter streamWriter(OutputStream out, Runnable start, String requestedModel) {
    return new Writer(out, start, requestedModel);
  }

  private final class Writer implements SseWriter {
    private static final byte[] TEXT_SUFFIX = "\"}}]}\n\n".getBytes(StandardCharsets.UTF_8);
    private final OutputStream out;
    private final Runnable start;
    private final String id = "chatcmpl-bb" + ids.incrementAndGet();
    private final long created = System.currentTimeMillis() / 1000;
    /** The caller's alias until the serving deployment is known, then that deployment's model. */
    private String model;
    private byte[] textPrefix;
    private boolean started;

    Writer(OutputStream out, Runnable start, String model) {
      this.out = out;
      this.start = start;
      this.model = model;
    }

    private ObjectNode chunk() {
      return mapper.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
          .put("created", created).put("model", model);
    }

    private ObjectNode delta(ObjectNode chunk) {
      return chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta");
    }

    private void begin() {
      if (!started) {
        started = true;
        start.run();
        var first = chunk();
        delta(first).put("role", "assistant").put("content", "");
        write(first.toString());
      }
    }

    /** Text deltas are most of a stream: written from a prefix made once instead of a JSON tree each. */
    @Override
    public void text(String delta) {
      begin();
      if (textPrefix == null) {
        var chunk = chunk();
        delta(chunk).put("content", "");
        var json = chunk.toString();
        textPrefix = ("data: " + json.substring(0, json.length() - "\"}}]}".length())).getBytes(StandardCharsets.UTF_8);
      }
      try {
        out.write(textPrefix);
        out.write(JsonStringEncoder.getInstance().quoteAsUTF8(delta));
        out.write(TEXT_SUFFIX);
      } catch (IOException e) {
        throw new UncheckedIOException("caller went away", e);
      }
    }

    @Override
    public void toolCallStarted(int index, String callId, String name) {
      begin();
      var chunk = chunk();
      delta(chunk).putArray("tool_calls").addObject().put("index", index).put("id", callId).put("type", "function")
          .putObject("function").put("name", name).put("arguments", "");
      write(chunk.toString());
    }

    @Override
    public void toolCallArguments(int index, String delta) {
      var chunk = chunk();
      delta(chunk).putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", delta);
      write(chunk.toString());
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

    @Override
    public void finish(ChatResponse response) {
      begin();
      var last = chunk();
      last.putArray("choices").addObject().put("index", 0).put("finish_reason",
          StopReasons.openAi(response.finishReason(), !response.toolCalls().isEmpty())).putObject("delta");
      write(last.toString());
      var usage = chunk();
      usage.putArray("choices");
      usage(usage, response.usage());
      write(usage.toString());
      write("[DONE]");
    }

    @Override
    public void fail(int status, String message) {
      write(error(status, message, null, null).toString());
      write("[DONE]");
      flush();
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

    /** Written now, sent at the next {@link #flush()} (or when the server's chunk buffer fills). */
    private void write(String data) {
      try {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("caller went away", e);
      }
    }
  }
}
