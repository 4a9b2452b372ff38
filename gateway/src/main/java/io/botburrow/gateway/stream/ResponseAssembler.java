package io.botburrow.gateway.stream;

import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import java.util.ArrayList;
import java.util.TreeMap;

/** Collects streamed pieces into the whole answer while passing them on. Not thread-safe. */
public final class ResponseAssembler implements StreamSink {
  private final StreamSink downstream;
  private final StringBuilder text = new StringBuilder();
  private final TreeMap<Integer, String[]> calls = new TreeMap<>();
  private final TreeMap<Integer, StringBuilder> arguments = new TreeMap<>();
  private Usage usage = Usage.ZERO;
  private String finishReason = "";
  private String model = "";
  private boolean started;

  public ResponseAssembler(StreamSink downstream) {
    this.downstream = downstream;
  }

  @Override
  public void text(String delta) {
    if (delta == null || delta.isEmpty()) {
      return;
    }
    started = true;
    text.append(delta);
    downstream.text(delta);
  }

  @Override
  public void toolCallStarted(int index, String id, String name) {
    started = true;
    calls.put(index, new String[] {id, name});
    arguments.put(index, new StringBuilder());
    downstream.toolCallStarted(index, id, name);
  }

  @Override
  public void toolCallArguments(int index, String delta) {
    if (delta == null || delta.isEmpty() || !arguments.containsKey(index)) {
      return;
    }
    arguments.get(index).append(delta);
    downstream.toolCallArguments(index, delta);
  }

  @Override
  public void flush() {
    downstream.flush();
  }

  /** Whether any piece of the answer has been passed on (after that, no fallback can hide a failure). */
  public boolean started() {
    return started;
  }

  public void usage(Usage newUsage) {
    usage = newUsage;
  }

  public Usage usage() {
    return usage;
  }

  public void finishReason(String reason) {
    if (reason != null && !reason.isEmpty()) {
      finishReason = reason;
    }
  }

  public boolean finished() {
    return !finishReason.isEmpty();
  }

  public void model(String name) {
    if (name != null && !name.isEmpty()) {
      model = name;
    }
  }

  public ChatResponse response(String requestedModel) {
    var toolCalls = new ArrayList<ToolCall>();
    calls.forEach((index, call) -> toolCalls.add(new ToolCall(call[0], call[1], arguments.get(index).toString())));
    return new ChatResponse(text.toString(), toolCalls, usage, finishReason, model.isEmpty() ? requestedModel : model);
  }
}
