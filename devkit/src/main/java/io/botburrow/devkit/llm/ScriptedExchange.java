package io.botburrow.devkit.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.Usage;
import io.botburrow.llm.wire.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one HTTP exchange of the scripted server: route, authorize, validate, answer, record. The
 * answers are written, streamed and held back by an {@link ExchangeWriter}.
 */
final class ScriptedExchange {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptedExchange.class);

  private final ObjectMapper mapper;
  private final Clock clock;
  private final ScriptedLlmServer server;
  private final ExchangeWriter writer;
  private final WireFormat openAi;
  private final WireFormat anthropic;
  private final WireFormat responses;
  private final WireFormat gemini;

  ScriptedExchange(ObjectMapper mapper, Clock clock, ScriptedLlmServer server, WireFormat openAi,
      WireFormat anthropic, WireFormat responses, WireFormat gemini) {
    this.mapper = mapper;
    this.clock = clock;
    this.server = server;
    this.writer = new ExchangeWriter(mapper, server);
    this.openAi = openAi;
    this.anthropic = anthropic;
    this.responses = responses;
    this.gemini = gemini;
  }

  void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (ExchangeWriter.DroppedConnection e) {
      // not closed on purpose: the server drops the connection without ending the chunked body
      throw e;
    } catch (IOException e) {
      // the client went away (e.g. a runner killed mid-request): nothing left to answer
      LOG.debug("Scripted LLM exchange aborted: {}", e.toString());
    }
    exchange.close();
  }

  private void route(HttpExchange exchange) throws IOException {
    var method = exchange.getRequestMethod();
    var path = exchange.getRequestURI().getPath();
    if (method.equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
      writer.send(exchange, 200, models(), Map.of());
    } else if (method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
      chat(exchange, openAi);
    } else if (method.equals("POST") && path.equals("/v1/messages")) {
      chat(exchange, anthropic);
    } else if (method.equals("POST") && (path.equals("/v1/responses") || path.equals("/responses"))) {
      chat(exchange, responses);
    } else if (method.equals("POST") && GeminiWire.serves(path)) {
      chat(exchange, gemini);
    } else {
      writer.send(exchange, 404, openAi.error(404, "Unknown request URL: " + method + " " + path, null, "unknown_url"),
          Map.of());
    }
  }

  private void chat(HttpExchange exchange, WireFormat wire) throws IOException {
    var raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    var headers = headers(exchange);
    var json = parse(raw);
    var received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, raw, json,
        clock.instant());
    var required = server.requiredApiKey();
    if (required != null && !required.equals(wire.presentedKey(headers))) {
      reject(exchange, wire, received, 401,
          new InvalidRequestException("Incorrect API key provided.", null, "invalid_api_key"));
      return;
    }
    ChatRequest request;
    try {
      if (json == null) {
        throw new InvalidRequestException("We could not parse the JSON body of your request.", null, "invalid_json");
      }
      request = wire.read(json, headers, received.path());
    } catch (InvalidRequestException e) {
      reject(exchange, wire, received, 400, e);
      return;
    }
    answer(exchange, wire, received, request);
  }

  private void answer(HttpExchange exchange, WireFormat wire, Received received, ChatRequest request)
      throws IOException {
    var turn = nextTurn(request);
    if (turn == null) {
      reject(exchange, wire, received, 400, new InvalidRequestException("The scripted LLM server has no scripted "
          + "turn for this request and no default responder.", null, "no_scripted_turn"));
      return;
    }
    ObjectNode body;
    int status = turn.isError() ? turn.errorStatus() : 200;
    try {
      body = turn.isError() ? wire.error(status, turn.errorMessage(), null, null)
          : wire.answer(turn, request, usage(turn, received.raw()));
    } catch (IllegalArgumentException e) {
      status = 500;
      body = wire.error(status, e.getMessage(), null, null);
    }
    var recorded = received.toRecord(request, status, turn.isError() ? turn.errorMessage() : null);
    server.record(recorded);
    if (turn.held()) {
      writer.awaitRelease(recorded);
    }
    if (status == 200 && wire.streams(received.json(), received.path())) {
      writer.stream(exchange, wire.streamEvents(body), turn, recorded);
      return;
    }
    writer.send(exchange, status, body, turn.headers());
  }

  /** The script's turn for {@code request}, an error turn when the default responder failed, or null. */
  private ScriptedTurn nextTurn(ChatRequest request) {
    try {
      return server.script().next(request).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("Scripted LLM default responder failed", e);
      return ScriptedTurn.error(500, "default responder failed: " + e);
    }
  }

  private void reject(HttpExchange exchange, WireFormat wire, Received received, int status,
      InvalidRequestException problem) throws IOException {
    LOG.debug("Scripted LLM rejected {} with {}: {}", received.path(), status, problem.getMessage());
    server.record(received.toRecord(null, status, problem.getMessage()));
    writer.send(exchange, status, wire.error(status, problem.getMessage(), problem.param(), problem.code()), Map.of());
  }

  /** Like a provider: the prompt is roughly the request text, the completion what the turn writes. */
  private static Usage usage(ScriptedTurn turn, String raw) {
    if (turn.usage() != null) {
      return turn.usage();
    }
    var completion = new StringBuilder(turn.text());
    turn.toolCalls().forEach(call -> completion.append(call.name()).append(call.argumentsJson()));
    return new Usage(TokenEstimate.of(raw), TokenEstimate.of(completion.toString()));
  }

  private ObjectNode models() {
    var body = mapper.createObjectNode().put("object", "list");
    var data = body.putArray("data");
    server.modelIds().forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", 0)
        .put("owned_by", "botburrow"));
    return body;
  }

  private JsonNode parse(String raw) {
    try {
      return raw.isBlank() ? null : mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    var headers = new HashMap<String, String>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
      }
    });
    return headers;
  }

  /** What arrived, before the answer is known. */
  private record Received(String method, String path, Map<String, String> headers, String raw, JsonNode json,
      Instant at) {
    RecordedRequest toRecord(ChatRequest chat, int status, String error) {
      return new RecordedRequest(method, path, headers, raw, json, chat, status, error, at);
    }
  }
}
