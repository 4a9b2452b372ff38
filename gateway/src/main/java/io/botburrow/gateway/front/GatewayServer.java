package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayAuthException;
import io.botburrow.gateway.front.http.Http1Exchange;
import io.botburrow.gateway.front.http.Http1Server;
import io.botburrow.gateway.routing.UnknownModelException;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.llm.wire.InvalidRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP front: {@code POST /v1/chat/completions} (OpenAI), {@code POST /v1/responses}
 * (OpenAI Responses) and {@code POST /v1/messages} (Anthropic), whole or streamed (SSE), {@code GET /v1/models}. Each request needs an activation token
 * ({@code Authorization: Bearer} or {@code x-api-key}); bad input is refused with the front's error body
 * before any provider is called. Served by {@link Http1Server}: one pooled platform thread per
 * connection, which runs each of its calls on itself.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  /** Connections served at once; a runner's CLI agents and a gateway's callers stay far below. */
  static final int MAX_CONNECTIONS = 4096;
  /** A kept-alive connection idle this long is closed, as is one whose reads or writes stall this long. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  static {
    // for the JDK HTTP servers of this process (the scripted model of the development mode and tests):
    // SSE events are small writes, and without TCP_NODELAY Nagle and delayed ACKs hold each ~40 ms
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Gateway gateway;
  private final ObjectMapper mapper;
  private final int maxBodyBytes;
  private final OpenAiFront openAi;
  private final AnthropicFront anthropic;
  private final ResponsesFront responses;
  private final FrontHooks hooks;
  private Http1Server server;

  public GatewayServer(Gateway gateway, ObjectMapper mapper, int maxBodyBytes) {
    this(gateway, mapper, maxBodyBytes, FrontHooks.NONE);
  }

  /** @param hooks routes for unknown model names and a tap on served calls, from the embedding process */
  public GatewayServer(Gateway gateway, ObjectMapper mapper, int maxBodyBytes, FrontHooks hooks) {
    this.hooks = hooks;
    this.gateway = gateway;
    this.mapper = mapper;
    this.maxBodyBytes = maxBodyBytes;
    this.openAi = new OpenAiFront(mapper);
    this.anthropic = new AnthropicFront(mapper);
    this.responses = new ResponsesFront(mapper);
  }

  /** Binds {@code host:port} (0 picks a free port) and serves. */
  public synchronized GatewayServer start(String host, int port) {
    // pooled platform threads: a streamed call blocks a dozen times (the provider's events, Redis), and on a
    // virtual thread each block is a poller hand-off and a reschedule; measured against virtual threads in
    // the same process: 20-40 % less of the gateway's CPU per call, lower p50, p90 and p99
    try {
      server = new Http1Server(this::handle, "gateway-front", MAX_CONNECTIONS, IDLE_TIMEOUT).start(host, port);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot bind the gateway to " + host + ":" + port, e.getCause());
    }
    LOG.info("LLM gateway listening on {}", baseUrl());
    return this;
  }

  public int port() {
    return server.address().getPort();
  }

  /** {@code http://host:port/v1}, the base URL OpenAI clients take; Anthropic clients take it without {@code /v1}. */
  public URI baseUrl() {
    return URI.create("http://" + server.address().getHostString() + ":" + port() + "/v1");
  }

  private void handle(Http1Exchange exchange) {
    try (exchange) {
      var method = exchange.method();
      var path = exchange.path();
      if (method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
        chat(exchange, openAi);
      } else if (method.equals("POST") && (path.equals("/v1/messages") || path.equals("/messages"))) {
        chat(exchange, anthropic);
      } else if (method.equals("POST") && (path.equals("/v1/responses") || path.equals("/responses"))) {
        chat(exchange, responses);
      } else if (method.equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
        models(exchange);
      } else if (method.equals("HEAD")) {
        // Claude Code checks that its base URL answers before its first call
        exchange.sendHeaders(200, -1);
      } else if (method.equals("GET") && (path.equals("/v1/budget") || path.equals("/budget"))) {
        budget(exchange);
      } else if (method.equals("GET") && path.equals("/health")) {
        send(exchange, 200, mapper.createObjectNode().put("status", "UP"), Map.of());
      } else {
        send(exchange, 404, openAi.error(404, "Unknown request URL: " + method + " " + path, null, "unknown_url"), Map.of());
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Gateway exchange aborted: {}", e.toString());
    }
  }

  private void chat(Http1Exchange exchange, FrontFormat format) throws IOException {
    var headers = exchange.headers();
    Caller caller;
    ChatRequest request;
    boolean stream;
    try {
      caller = gateway.tokens().verify(format.presentedToken(headers));
      var body = body(exchange);
      request = format.read(body, headers);
      stream = body.path("stream").asBoolean(false);
    } catch (GatewayAuthException e) {
      send(exchange, 401, format.error(401, e.getMessage(), null, "invalid_api_key"), Map.of());
      return;
    } catch (InvalidRequestException e) {
      send(exchange, e.status(), format.error(e.status(), e.getMessage(), e.param(), e.code()), Map.of());
      return;
    }
    try {
      var chain = gateway.chainFor(caller, request.model(), model -> hooks.implicit(caller, model));
      if (!stream) {
        gateway.call(caller, request, chain, null, answer -> {
          // metered before the caller has its answer: a CLI may exit the moment it does
          hooks.served(caller, answer);
          try {
            send(exchange, 200, format.answer(answer.response(), answer.deployment().model()),
                Map.of("x-botburrow-deployment", answer.deployment().name()));
            exchange.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return;
      }
      streamed(exchange, format, caller, request, chain);
    } catch (UnknownModelException e) {
      send(exchange, 404, format.error(404, e.getMessage(), "model", "model_not_found"), Map.of());
    } catch (LlmException | QueueUnavailableException e) {
      hooks.refused(caller, e);
      fail(exchange, format, e);
    }
  }

  private void streamed(Http1Exchange exchange, FrontFormat format, Caller caller, ChatRequest request,
      java.util.List<io.botburrow.gateway.routing.Deployment> chain) throws IOException {
    var out = new ResponseStream(exchange);
    var writer = format.streamWriter(out, () -> {
      exchange.setHeader("Content-Type", "text/event-stream");
      exchange.setHeader("Cache-Control", "no-cache");
      try {
        exchange.sendHeaders(200, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, request.model());
    try {
      gateway.call(caller, request, chain, writer, answer -> {
        hooks.served(caller, answer);
        writer.finish(answer.response());
        // ends the chunked body now: the caller need not wait for the budget settlement
        close(out);
      });
    } catch (LlmException | QueueUnavailableException e) {
      if (!writer.started()) {
        throw e;
      }
      hooks.refused(caller, e);
      writer.fail(status(e), message(e));
    }
  }

  private static void close(java.io.OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("caller went away", e);
    }
  }

  private void fail(Http1Exchange exchange, FrontFormat format, RuntimeException e) throws IOException {
    var extra = new HashMap<String, String>();
    if (e instanceof BudgetExceededException budget) {
      // the providers' own answer to a spent quota, and no invitation to try again
      extra.put("x-should-retry", "false");
      int status = format.budgetSpentStatus();
      send(exchange, status, format.error(status, budgetMessage(budget), null, "insufficient_quota"), extra);
      return;
    }
    int status = status(e);
    String code = null;
    if (e instanceof LlmException llm && llm.retryable()) {
      llm.retryAfter().ifPresent(wait -> extra.put("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    }
    send(exchange, status, format.error(status, message(e), null, code), extra);
  }

  /** What a person reads when a client shows the error. */
  static String budgetMessage(BudgetExceededException e) {
    String what = switch (e.scope()) {
      case AGENT_DAY -> "This agent's budget for today is spent";
      case AGENT_MONTH -> "This agent's budget for this month is spent";
      case TENANT_MONTH -> "This month's budget for all agents of this tenant is spent";
      case ACTIVATION -> "The budget of this activation is spent";
    };
    var amount = "USD".equals(e.unit())
        ? String.format(java.util.Locale.ROOT, "%.2f of %.2f USD", e.used(), e.limit())
        : String.format(java.util.Locale.ROOT, "%d of %d tokens", (long) e.used(), (long) e.limit());
    return what + " (" + amount + "). It is not retried: ask an operator, or wait for the next period.";
  }

  private static int status(RuntimeException e) {
    if (e instanceof QueueUnavailableException) {
      return 503;
    }
    if (e instanceof LlmException llm) {
      return llm.status() >= 400 ? llm.status() : 502;
    }
    return 500;
  }

  /** Budget errors are for the caller to read; provider errors are passed on without the endpoint's address. */
  private static String message(RuntimeException e) {
    return e.getMessage() == null ? "gateway error" : e.getMessage();
  }

  private JsonNode body(Http1Exchange exchange) throws IOException {
    if (exchange.declaredLength() > maxBodyBytes) {
      throw new InvalidRequestException(413, "Request body too large: the limit is " + maxBodyBytes + " bytes.", null,
          "request_too_large");
    }
    var bytes = exchange.requestBody().readNBytes(maxBodyBytes + 1);
    if (bytes.length > maxBodyBytes) {
      throw new InvalidRequestException(413, "Request body too large: the limit is " + maxBodyBytes + " bytes.", null,
          "request_too_large");
    }
    try {
      var node = mapper.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidRequestException("The request body must be a JSON object.", null, "invalid_json");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRequestException("We could not parse the JSON body of your request.", null, "invalid_json");
    }
  }

  /**
   * The caller's budgets as they stand: each with used and limit (0: none), and its agent's daily and
   * monthly spend with the fields of the Hub's budget health.
   */
  private void budget(Http1Exchange exchange) throws IOException {
    Caller caller;
    try {
      caller = gateway.tokens().verify(openAi.presentedToken(exchange.headers()));
    } catch (GatewayAuthException e) {
      send(exchange, 401, openAi.error(401, e.getMessage(), null, "invalid_api_key"), Map.of());
      return;
    }
    try {
      var body = mapper.createObjectNode().put("agent_id", caller.agent()).put("activation", caller.activation())
          .put("tenant", caller.tenant());
      var health = gateway.budgetHealth(caller.agent(), caller.tenant());
      body.put("daily_limit", health.dailyLimit()).put("daily_used", health.dailyUsed())
          .put("monthly_limit", health.monthlyLimit()).put("monthly_used", health.monthlyUsed())
          .put("healthy", health.healthy());
      var list = body.putArray("budgets");
      for (var level : gateway.budgets(caller)) {
        list.addObject().put("scope", level.scope().wireName()).put("unit", level.unit()).put("used", level.used())
            .put("limit", level.limit());
      }
      send(exchange, 200, body, Map.of());
    } catch (QueueUnavailableException e) {
      send(exchange, 503, openAi.error(503, "budget store unavailable", null, null), Map.of());
    }
  }

  private void models(Http1Exchange exchange) throws IOException {
    var body = mapper.createObjectNode().put("object", "list");
    var data = body.putArray("data");
    gateway.routes().names().forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", 0)
        .put("owned_by", "botburrow"));
    send(exchange, 200, body, Map.of());
  }

  private void send(Http1Exchange exchange, int status, JsonNode body, Map<String, String> extra) throws IOException {
    var bytes = mapper.writeValueAsBytes(body);
    exchange.setHeader("Content-Type", "application/json");
    extra.forEach(exchange::setHeader);
    exchange.sendHeaders(status, bytes.length).write(bytes);
  }

  /** The streamed response's body, there once the writer has sent the headers with its first event. */
  private static final class ResponseStream extends OutputStream {
    private final Http1Exchange exchange;

    ResponseStream(Http1Exchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public void write(int b) throws IOException {
      exchange.responseBody().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      exchange.responseBody().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (exchange.headersSent()) {
        exchange.responseBody().flush();
      }
    }

    @Override
    public void close() throws IOException {
      exchange.close();
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
