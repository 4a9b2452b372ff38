package io.botburrow.runner.audit;

import io.botburrow.activation.Activation;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelCallObserver;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of one run (one delivery of one activation): each record is chained, appended to the
 * day's Redis stream at once, and the whole run with its model responses is archived when it ends (see
 * {@link RunTrail}); the records' data is built by {@link AuditRecords}. Thread-safe: tools of one activation
 * may run on several threads.
 */
public class ActivationAudit implements ToolCallObserver, ModelCallObserver {
  /** Records nothing. */
  public static final ActivationAudit NONE = new ActivationAudit();

  private final AuditRecorder recorder;
  private final RunTrail trail;
  private final AuditRecords records;

  private ActivationAudit() {
    this.recorder = null;
    this.trail = null;
    this.records = null;
  }

  ActivationAudit(AuditRecorder recorder, Activation a, String run, ChatModelSource pricing) {
    this.recorder = recorder;
    this.trail = new RunTrail(recorder, a, run);
    this.records = new AuditRecords(recorder.redactor(), pricing);
    append("started", AuditRecords.started(a));
  }

  /** The run id, {@code <activation>.<attempt>.<nonce>}; empty for {@link #NONE}. */
  public String run() {
    return trail == null ? "" : trail.run();
  }

  /** The definition the runner loaded: its revision is built from the bucket objects' ETags. */
  public void definition(String revision, String type) {
    append("definition", AuditRecords.ordered("revision", revision, "type", type));
  }

  /** The agent's workspace (sandbox and MCP sidecars) is ready with {@code tools}. */
  public void workspace(Duration took, List<String> tools) {
    append("workspace", AuditRecords.ordered("took_ms", took.toMillis(), "tools", tools));
  }

  /** A sandbox event of the activation's sandbox ({@code acquired}, {@code command}, {@code closed}). */
  public void sandbox(String event, Map<String, ?> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("event", event);
    data.putAll(new java.util.TreeMap<>(details));
    append("sandbox", data);
  }

  /** A reply the runtime posted (or found already posted) for the activation. */
  public void replied(String postId, String commentId) {
    append("reply", AuditRecords.ordered("post", postId, "comment", commentId));
  }

  /** The run ended: how, why the agent loop stopped, what it consumed. Then the run is archived. */
  public void finished(String status, String detail, String stopReason, long inputTokens, long outputTokens, double costUsd,
      Duration took) {
    if (trail == null) {
      return;
    }
    append("finished", records.finished(status, detail, stopReason, inputTokens, outputTokens, costUsd, took));
    recorder.ended(trail.activation(), this);
    trail.archive();
  }

  @Override
  public void called(String tool, String status, Duration took) {
    // the detailed form below is the one recorded
  }

  @Override
  public void called(String tool, String argumentsJson, ToolOutcome outcome, RuntimeException failure, Duration took) {
    if (trail == null) {
      return;
    }
    append("tool_call", records.toolCall(tool, argumentsJson, outcome, failure, took));
  }

  @Override
  public void served(ChatRequest request, ChatResponse response, String deployment, List<Skipped> skipped, Duration took) {
    if (trail == null) {
      return;
    }
    String body = ResponseCodec.write(response, recorder.properties().maxResponseChars());
    trail.append("model_call", records.modelCall(request, response, body, deployment, skipped, took), body);
  }

  @Override
  public void failed(ChatRequest request, RuntimeException failure, Duration took) {
    if (trail == null) {
      return;
    }
    append("model_call", records.failedModelCall(request, failure, took));
  }

  /**
   * {@code next} (the activation's tally), and the model calls a CLI agent makes through the runner's gateway
   * front recorded here.
   */
  public NativeAgentLoop.CallMeter metering(NativeAgentLoop.CallMeter next) {
    return trail == null ? next : new AuditedMeter(next, this);
  }

  /** {@code models} with every model call recorded here. */
  public ChatModelSource models(ChatModelSource models) {
    return trail == null ? models : new AuditedModels(models, this);
  }

  /** Records appended so far. */
  public int size() {
    return trail == null ? 0 : trail.size();
  }

  private void append(String type, Map<String, ?> data) {
    if (trail != null) {
      trail.append(type, data);
    }
  }
}
