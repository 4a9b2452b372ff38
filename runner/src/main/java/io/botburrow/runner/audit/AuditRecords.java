package io.botburrow.runner.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.audit.AuditChain;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelCallObserver.Skipped;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.secrets.Redactor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a run's audit records, built from what happened: secrets hidden and long texts cut, prompts and
 * requests kept only as hashes, model calls priced.
 */
final class AuditRecords {
  static final int MAX_ARGUMENT_CHARS = 2000;
  static final int MAX_ERROR_CHARS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Redactor redactor;
  private final ChatModelSource pricing;

  AuditRecords(Redactor redactor, ChatModelSource pricing) {
    this.redactor = redactor;
    this.pricing = pricing;
  }

  /** The {@code started} record: what was delivered, the trigger's prompt only as its hash and length. */
  static Map<String, Object> started(Activation a) {
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
    return data;
  }

  Map<String, Object> finished(String status, String detail, String stopReason, long inputTokens, long outputTokens,
      double costUsd, Duration took) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", status);
    data.put("detail", cut(redactor.redact(detail), MAX_ERROR_CHARS));
    data.put("stop_reason", stopReason);
    data.put("input_tokens", inputTokens);
    data.put("output_tokens", outputTokens);
    data.put("cost_usd", costUsd);
    data.put("took_ms", took.toMillis());
    return data;
  }

  Map<String, Object> toolCall(String tool, String argumentsJson, ToolOutcome outcome, RuntimeException failure,
      Duration took) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", tool);
    data.put("arguments", cut(redactor.redact(String.valueOf(argumentsJson)), MAX_ARGUMENT_CHARS));
    data.put("status", outcome == null ? ToolCallObserver.FAILED : outcome.isError() ? ToolCallObserver.ERROR
        : ToolCallObserver.OK);
    data.put("result_chars", outcome == null ? 0 : outcome.content().length());
    data.put("took_ms", took.toMillis());
    if (failure != null) {
      data.put("error", error(failure));
    } else if (outcome != null && outcome.isError()) {
      data.put("error", cut(redactor.redact(outcome.content()), MAX_ERROR_CHARS));
    }
    return data;
  }

  /** @param body the response as archived, whose hash the record holds */
  Map<String, Object> modelCall(ChatRequest request, ChatResponse response, String body, String deployment,
      List<Skipped> skipped, Duration took) {
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
        cut(redactor.redact(s.reason()), MAX_ERROR_CHARS))).toList());
    return data;
  }

  Map<String, Object> failedModelCall(ChatRequest request, RuntimeException failure, Duration took) {
    return ordered("model", request.model(), "request_sha256", AuditChain.sha256(json(request)),
        "took_ms", took.toMillis(), "error", error(failure));
  }

  private String error(RuntimeException failure) {
    return cut(redactor.redact(failure.getClass().getSimpleName() + ": " + failure.getMessage()), MAX_ERROR_CHARS);
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

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
