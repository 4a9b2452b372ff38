package io.botburrow.devkit.llm;

import io.botburrow.llm.Usage;
import java.time.Duration;
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
 * @param cut how a cut stream ends: the connection dropped mid-body, or the body ended early but cleanly
 * @param stallAfter for a streamed answer, the number of events after which the server stops sending,
 *     with the headers already out, until the turn is released (a provider that hangs mid-stream); -1
 *     never stalls
 * @param eventInterval pause before each streamed event after the first, as a model generating tokens
 *     takes; zero sends them back to back
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
    int cutAfter,
    Cut cut,
    int stallAfter,
    Duration eventInterval) {

  /** How a stream cut after N events ends. */
  public enum Cut {
    /** The connection drops without the body's end (no terminating chunk): a network failure. */
    DROP_CONNECTION,
    /** The body ends cleanly but without the stream's last events: a proxy or server that gave up. */
    END_BODY
  }

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
    cut = cut == null ? Cut.DROP_CONNECTION : cut;
    eventInterval = eventInterval == null || eventInterval.isNegative() ? Duration.ZERO : eventInterval;
    if (errorStatus != 0 && (errorStatus < 400 || errorStatus > 599)) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + errorStatus);
    }
  }

  public static ScriptedTurn text(String text) {
    return new ScriptedTurn(text, List.of(), null, 0, null, Map.of(), null, false, -1, null, -1, null);
  }

  public static ScriptedTurn toolCall(String name, String argumentsJson) {
    return toolCalls(new Call(name, argumentsJson));
  }

  public static ScriptedTurn toolCalls(Call... calls) {
    return new ScriptedTurn("", Arrays.asList(calls), null, 0, null, Map.of(), null, false, -1, null, -1, null);
  }

  public static Call call(String name, String argumentsJson) {
    return new Call(name, argumentsJson);
  }

  /** An HTTP error answer, e.g. {@code error(429, "slow down").withHeader("Retry-After", "1")}. */
  public static ScriptedTurn error(int status, String message) {
    return new ScriptedTurn("", List.of(), null, status, message, Map.of(), null, false, -1, null, -1, null);
  }

  public ScriptedTurn withText(String newText) {
    return new ScriptedTurn(newText, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, cutAfter, cut,
        stallAfter, eventInterval);
  }

  public ScriptedTurn withUsage(long promptTokens, long completionTokens) {
    var newUsage = new Usage(promptTokens, completionTokens);
    return new ScriptedTurn(text, toolCalls, newUsage, errorStatus, errorMessage, headers, finishReason, held, cutAfter, cut,
        stallAfter, eventInterval);
  }

  public ScriptedTurn withHeader(String name, String value) {
    var newHeaders = new LinkedHashMap<>(headers);
    newHeaders.put(name, value);
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, newHeaders, finishReason, held, cutAfter, cut,
        stallAfter, eventInterval);
  }

  public ScriptedTurn withFinishReason(String reason) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, reason, held, cutAfter, cut, stallAfter,
        eventInterval);
  }

  /** The same answer, sent only after {@link HeldTurn#release()}. */
  public ScriptedTurn hold() {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, true, cutAfter, cut,
        stallAfter, eventInterval);
  }

  /**
   * The same answer; streamed, the connection drops after {@code events} events (0: before any), without
   * the end of the chunked body, as when the network fails.
   */
  public ScriptedTurn cutStreamAfter(int events) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, events,
        Cut.DROP_CONNECTION, stallAfter, eventInterval);
  }

  /** The same answer; streamed, the body ends cleanly after {@code events} events, without the stream's last ones. */
  public ScriptedTurn endStreamAfter(int events) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, events,
        Cut.END_BODY, stallAfter, eventInterval);
  }

  /**
   * The same answer; streamed, the server sends the headers and {@code events} events, then sends nothing
   * more until {@link HeldTurn#release()} ({@link ScriptedLlmServer#awaitHeld()} returns it once stalled).
   */
  public ScriptedTurn stallStreamAfter(int events) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, cutAfter, cut,
        events, eventInterval);
  }

  /** The same answer; streamed, each event after the first comes {@code interval} after the previous one. */
  public ScriptedTurn withEventInterval(Duration interval) {
    return new ScriptedTurn(text, toolCalls, usage, errorStatus, errorMessage, headers, finishReason, held, cutAfter, cut,
        stallAfter, interval);
  }

  public boolean isError() {
    return errorStatus != 0;
  }
}
