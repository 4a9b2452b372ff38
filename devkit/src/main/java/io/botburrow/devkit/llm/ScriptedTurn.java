package io.botburrow.devkit.llm;

import io.botburrow.llm.Usage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One answer the scripted server gives: a text reply, tool calls (or both), or an HTTP error.
 *
 * @param text assistant text, may be empty
 * @param toolCalls tool calls to request; the server assigns the call ids
 * @param usage token counts to report, or null to estimate them from the text lengths
 * @param errorStatus 0 for a normal answer, else the HTTP status of an error answer
 * @param errorMessage the error body's message when {@code errorStatus} is set
 * @param headers extra response headers (e.g. {@code Retry-After})
 * @param finishReason overrides the finish/stop reason, or null for the natural one
 * @param held when true the server blocks this answer until the test releases it
 * @param cutAfter for a streamed answer, the number of events after which the server drops the
 *     connection without finishing (a broken stream); -1 sends the whole stream
 */
public record ScriptedTurn(
    String text,
    List<Call> toolCalls,
    Usage usage,
    int errorStatus,
    String errorMessage,
    Map<String, String> headers,
    String finishReason,
    boolean held,
    int cutAfter) {

  /** A tool call to request: function name and arguments as a JSON object text. */
  public record Call(String name, String argumentsJson) {
    public Call {
      Objects.requireNonNull(name, "name");
      argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
  }

  public ScriptedTurn {
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (errorStatus != 0 && (errorStatus < 400 || errorStatus > 599)) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + errorStatus);
    }
  }

  public static ScriptedTurn text(String text) {
    return new ScriptedTurn(text, List.of(), null, 0, null, Map.of(), null, false, -1);
  }

  public static ScriptedTurn toolCall(String name, String argumentsJson) {
    return toolCalls(new Call(name, argumentsJson));
  }

  public static ScriptedTurn toolCalls(Call... calls) {
    return new ScriptedTurn("", Arrays.asList(calls), null, 0, null, Map.of(), null, false, -1);
  }

  public static Call call(String name, String argumentsJson) {
    return new Call(name, argumentsJson);
  }

  /** An HTTP error answer, e.g. {@code error(429, "slow down").withHeader("Retry-After", "1")}. */
  public static ScriptedTurn error(int status, String message) {
    return new ScriptedTurn("", List.of(), null, status, message, Map.of(), null, false, -1);
  }

  public ScriptedTurn withText(String newText) {
    return new ScriptedTurn(newText, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, cutAfter);
  }

  public ScriptedTurn withUsage(long promptTokens, long completionTokens) {
    var newUsage = new Usage(promptTokens, completionTokens);
    return new ScriptedTurn(text, toolCalls, newUsage, errorStatus, errorMessage, headers, finishReason, held, cutAfter);
  }

  public ScriptedTurn withHeader(String name, String value) {
    var newHeaders = new LinkedHashMap<>(headers);
    newHeaders.put(name, value);
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, newHeaders, finishReason, held, cutAfter);
  }

  public ScriptedTurn withFinishReason(String reason) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, reason, held, cutAfter);
  }

  /** The same answer, sent only after {@link HeldTurn#release()}. */
  public ScriptedTurn hold() {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, true, cutAfter);
  }

  /** The same answer; streamed, the connection drops after {@code events} events (0: before any). */
  public ScriptedTurn cutStreamAfter(int events) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, events);
  }

  public boolean isError() {
    return errorStatus != 0;
  }
}
