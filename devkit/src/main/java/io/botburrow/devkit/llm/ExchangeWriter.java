package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the scripted server's answers: a JSON body, or a turn's server-sent events paced, stalled and
 * cut as the turn says; and holds a turn's answer back until the test releases it.
 */
final class ExchangeWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeWriter.class);
  /** A held turn nobody releases must not pin a thread forever. */
  private static final Duration MAX_HOLD = Duration.ofMinutes(10);

  private final ObjectMapper mapper;
  private final ScriptedLlmServer server;

  ExchangeWriter(ObjectMapper mapper, ScriptedLlmServer server) {
    this.mapper = mapper;
    this.server = server;
  }

  /** Thrown out of the handler so that the HTTP server closes the connection mid-body. */
  static final class DroppedConnection extends RuntimeException {
    DroppedConnection(int events) {
      super("stream cut after " + events + " events (scripted)", null, false, false);
    }
  }

  void send(HttpExchange exchange, int status, JsonNode body, Map<String, String> extraHeaders) throws IOException {
    var bytes = mapper.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * The answer as server-sent events, paced by the turn's event interval. A turn cut after N events
   * drops the connection there (or ends the body early); one stalled after N events waits for release.
   */
  void stream(HttpExchange exchange, List<String> events, ScriptedTurn turn, RecordedRequest recorded)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    turn.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(200, 0);
    var out = exchange.getResponseBody();
    for (int i = 0; i < events.size(); i++) {
      if (i == turn.stallAfter()) {
        out.flush();
        awaitRelease(recorded);
      }
      if (turn.cutAfter() >= 0 && i >= turn.cutAfter()) {
        out.flush();
        if (turn.cut() == ScriptedTurn.Cut.END_BODY) {
          return;
        }
        throw new DroppedConnection(i);
      }
      if (i > 0 && turn.eventInterval().isPositive()) {
        pause(turn.eventInterval());
      }
      out.write(events.get(i).getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Holds the answer to {@code recorded} until the test releases it, the server closes or {@link #MAX_HOLD}. */
  void awaitRelease(RecordedRequest recorded) {
    var held = server.hold(recorded);
    try {
      if (!held.awaitRelease(MAX_HOLD)) {
        LOG.warn("Scripted LLM held turn was never released; answering after {}", MAX_HOLD);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.unhold(held);
    }
  }

  private static void pause(Duration interval) throws IOException {
    try {
      Thread.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pacing a stream", e);
    }
  }
}
