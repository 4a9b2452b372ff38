package io.botburrow.runner.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.audit.AuditChain;
import io.botburrow.audit.AuditEntry;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelCallObserver;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of one run (one delivery of one activation): each record is chained, appended to the
 * day's Redis stream at once, and the whole run with its model responses is archived when it ends. After a
 * failed append the run stops writing to Redis (one timeout per run, not one per record) and the archive
 * still gets every record. Thread-safe: tools of one activation may run on several threads.
 */
public class ActivationAudit implements ToolCallObserver, ModelCallObserver {
  /** Records nothing. */
  public static final ActivationAudit NONE = new ActivationAudit();
  static final int MAX_ARGUMENT_CHARS = 2000;
  static final int MAX_ERROR_CHARS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditRecorder recorder;
  private final AuditChain chain;
  private final LocalDate day;
  private final String agent;
  private final ChatModelSource pricing;
  private final List<AuditEntry> entries = new ArrayList<>();
  private final List<String> responses = new ArrayList<>();
  private boolean logFailed;
  private long redisNanos;
  private long bytes;

  private ActivationAudit() {
    this.recorder = null;
    this.chain = null;
    this.day = null;
    this.agent = null;
    this.pricing = null;
  }

  ActivationAudit(AuditRecorder recorder, Activation a, String run, ChatModelSource pricing) {
    this.recorder = recorder;
    this.chain = new AuditChain(run, a.id().value(), a.agent());
    this.day = LocalDate.ofInstant(recorder.clock().instant(), ZoneOffset.UTC);
    this.agent = a.agent();
    this.pricing = pricing;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", a.kind().wireName());
    data.put("attempt", a.attempt());
    data.put("reason", a.reason());
    data.put("enqueued_at", a.enqueuedAt().toString());
    data.put("notifications", a.notificationIds());
    if (a.trigger() != null) {
      Map<String, Object> trigger = new LinkedHashMap<>();
      trigger.put("source", a.trigger().source());
      trigger.put("key", a.trigger().key());
      trigger.put("task", a.trigger().taskId());
      trigger.put("thread", a.trigger().thread());
      trigger.put("prompt_sha256", AuditChain.sha256(String.valueOf(a.trigger().prompt())));
      trigger.put("prompt_chars", a.trigger().prompt() == null ? 0 : a.trigger().prompt().length());
      data.put("trigger", trigger);
    }
    append("started", data);
  }

  /** The run id, {@code <activation>.<attempt>.<nonce>}; empty for {@link #NONE}. */
  public String run() {
    return chain == null ? "" : chain.run();
  }

  /** The definition the runner loaded: its revision is built from the bucket objects' ETags. */
  public void definition(String revision, String type) {
    append("definition", ordered("revision", revision, "type", type));
  }

  /** The agent's workspace (sandbox and MCP sidecars) is ready with {@code tools}. */
  public void workspace(Duration took, List<String> tools) {
    append("workspace", ordered("took_ms", took.toMillis(), "tools", tools));
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
    append("reply", ordered("post", postId, "comment", commentId));
  }

  /** The run ended: how, why the agent loop stopped, what it consumed. Then the run is archived. */
  public void finished(String status, String detail, String stopReason, long inputTokens, long outputTokens, double costUsd,
      Duration took) {
    if (chain == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", status);
    data.put("detail", cut(recorder.redactor().redact(detail), MAX_ERROR_CHARS));
    data.put("stop_reason", stopReason);
    data.put("input_tokens", inputTokens);
    data.put("output_tokens", outputTokens);
    data.put("cost_usd", costUsd);
    data.put("took_ms", took.toMillis());
    append("finished", data);
    recorder.ended(chain.activation(), this);
    archive();
  }

  @Override
  public void called(String tool, String status, Duration took) {
    // the detailed form below is the one recorded
  }

  @Override
  public void called(String tool, String argumentsJson, ToolOutcome outcome, RuntimeException failure, Duration took) {
    if (chain == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", tool);
    data.put("arguments", cut(recorder.redactor().redact(String.valueOf(argumentsJson)), MAX_ARGUMENT_CHARS));
    data.put("status", outcome == null ? FAILED : outcome.isError() ? ERROR : OK);
    data.put("result_chars", outcome == null ? 0 : outcome.content().length());
    data.put("took_ms", took.toMillis());
    if (failure != null) {
      data.put("error", cut(recorder.redactor().redact(failure.getClass().getSimpleName() + ": " + failure.getMessage()),
          MAX_ERROR_CHARS));
    } else if (outcome != null && outcome.isError()) {
      data.put("error", cut(recorder.redactor().redact(outcome.content()), MAX_ERROR_CHARS));
    }
    append("tool_call", data);
  }

  @Override
  public void served(ChatRequest request, ChatResponse response, String deployment, List<Skipped> skipped, Duration took) {
    if (chain == null) {
      return;
    }
    String body = ResponseCodec.write(response, recorder.properties().maxResponseChars());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("model", request == null ? response.model() : request.model());
    data.put("served_by", deployment);
    data.put("served_model", response.model());
    data.put("request_sha256", request == null ? null : AuditChain.sha256(json(request)));
    data.put("response_sha256", AuditChain.sha256(body));
    data.put("input_tokens", response.usage().inputTokens());
    data.put("output_tokens", response.usage().outputTokens());
    data.put("cost_usd", pricing.cost(response.model() == null ? String.valueOf(data.get("model")) : response.model(),
        response.usage()));
    data.put("took_ms", took == null ? null : took.toMillis());
    data.put("finish_reason", response.finishReason());
    data.put("tool_calls", response.toolCalls().stream().map(ToolCall::name).toList());
    data.put("fallbacks", skipped.stream().map(s -> ordered("deployment", s.deployment(), "reason",
        cut(recorder.redactor().redact(s.reason()), MAX_ERROR_CHARS))).toList());
    // one step: the n-th archived response belongs to the n-th model_call record that names one
    synchronized (this) {
      responses.add(body);
      append("model_call", data);
    }
  }

  @Override
  public void failed(ChatRequest request, RuntimeException failure, Duration took) {
    if (chain == null) {
      return;
    }
    append("model_call", ordered("model", request.model(), "request_sha256", AuditChain.sha256(json(request)),
        "took_ms", took.toMillis(), "error", cut(recorder.redactor().redact(failure.getClass().getSimpleName() + ": "
            + failure.getMessage()), MAX_ERROR_CHARS)));
  }

  /**
   * {@code next} (the activation's tally), and the model calls a CLI agent makes through the runner's gateway
   * front recorded here.
   */
  public io.botburrow.runner.agent.NativeAgentLoop.CallMeter metering(io.botburrow.runner.agent.NativeAgentLoop.CallMeter next) {
    if (chain == null) {
      return next;
    }
    ActivationAudit audit = this;
    final class Metering implements io.botburrow.runner.agent.NativeAgentLoop.CallMeter, ModelCallObserver {
      @Override
      public void called(String model, io.botburrow.llm.Usage usage, double costUsd) {
        next.called(model, usage, costUsd);
      }

      @Override
      public void served(ChatRequest request, ChatResponse response, String deployment, List<Skipped> skipped,
          Duration took) {
        audit.served(request, response, deployment, skipped, took);
      }
    }
    return new Metering();
  }

  /** {@code models} with every model call recorded here. */
  public ChatModelSource models(ChatModelSource models) {
    return chain == null ? models : new AuditedModels(models, this);
  }

  /** Records appended so far. */
  public synchronized int size() {
    return entries.size();
  }

  private synchronized void append(String type, Map<String, ?> data) {
    if (chain == null) {
      return;
    }
    long started = System.nanoTime();
    AuditEntry entry = chain.append(type, data, recorder.clock().instant());
    entries.add(entry);
    bytes += entry.line().length() + entry.hash().length();
    if (!logFailed && recorder.log() != null) {
      try {
        recorder.log().append(day, entry);
        recorder.succeeded("redis");
      } catch (RuntimeException e) {
        logFailed = true;
        recorder.failed("redis", chain.run(), e);
      }
    }
    redisNanos += System.nanoTime() - started;
  }

  private synchronized void archive() {
    long started = System.nanoTime();
    if (recorder.archive() != null && recorder.properties().archive()) {
      try {
        recorder.archive().store(day, agent, chain.run(), entries, responses);
        recorder.succeeded("archive");
      } catch (RuntimeException e) {
        recorder.failed("archive", chain.run(), e);
      }
    }
    recorder.metrics().recorded(Duration.ofNanos(redisNanos), Duration.ofNanos(System.nanoTime() - started), bytes);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max) + "…[" + (text.length() - max) + " more]";
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
