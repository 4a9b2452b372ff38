package io.botburrow.gateway.front;

import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayAuthException;
import io.botburrow.gateway.front.http.Http1Exchange;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.UnknownModelException;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.wire.InvalidRequestException;
import io.botburrow.queue.QueueUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves one chat call in a front's wire format: the caller's token and request checked before any provider
 * is called, then the answer whole or streamed, or the refusal in that format.
 */
final class ChatCalls {
  /** A call the front accepted: who asks, what, and whether the answer is streamed. */
  private record Accepted(Caller caller, ChatRequest request, boolean stream) {}

  private final Gateway gateway;
  private final FrontHooks hooks;
  private final JsonBodies json;

  ChatCalls(Gateway gateway, FrontHooks hooks, JsonBodies json) {
    this.gateway = gateway;
    this.hooks = hooks;
    this.json = json;
  }

  void serve(Http1Exchange exchange, FrontFormat format) throws IOException {
    var call = accept(exchange, format);
    if (call == null) {
      return;
    }
    var caller = call.caller();
    try {
      var chain = gateway.chainFor(caller, call.request().model(), model -> hooks.implicit(caller, model));
      if (call.stream()) {
        streamed(exchange, format, caller, call.request(), chain);
      } else {
        whole(exchange, format, caller, call.request(), chain);
      }
    } catch (UnknownModelException e) {
      json.send(exchange, 404, format.error(404, e.getMessage(), "model", "model_not_found"), Map.of());
    } catch (LlmException | QueueUnavailableException e) {
      hooks.refused(caller, e);
      fail(exchange, format, e);
    }
  }

  /** The call, or null when its token or request was refused (the refusal sent). */
  private Accepted accept(Http1Exchange exchange, FrontFormat format) throws IOException {
    var headers = exchange.headers();
    try {
      var caller = gateway.tokens().verify(format.presentedToken(headers));
      var body = json.read(exchange);
      var request = format.read(body, headers);
      return new Accepted(caller, request, body.path("stream").asBoolean(false));
    } catch (GatewayAuthException e) {
      json.send(exchange, 401, format.error(401, e.getMessage(), null, "invalid_api_key"), Map.of());
      return null;
    } catch (InvalidRequestException e) {
      json.send(exchange, e.status(), format.error(e.status(), e.getMessage(), e.param(), e.code()), Map.of());
      return null;
    }
  }

  private void whole(Http1Exchange exchange, FrontFormat format, Caller caller, ChatRequest request,
      List<Deployment> chain) {
    gateway.call(caller, request, chain, null, answer -> {
      // metered before the caller has its answer: a CLI may exit the moment it does
      hooks.served(caller, answer);
      try {
        json.send(exchange, 200, format.answer(answer.response(), answer.deployment().model()),
            Map.of("x-botburrow-deployment", answer.deployment().name()));
        exchange.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private void streamed(Http1Exchange exchange, FrontFormat format, Caller caller, ChatRequest request,
      List<Deployment> chain) throws IOException {
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
      writer.fail(Refusals.status(e), Refusals.message(e));
    }
  }

  private static void close(OutputStream out) {
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
      json.send(exchange, status, format.error(status, Refusals.budgetMessage(budget), null, "insufficient_quota"),
          extra);
      return;
    }
    int status = Refusals.status(e);
    if (e instanceof LlmException llm && llm.retryable()) {
      llm.retryAfter().ifPresent(wait -> extra.put("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    }
    json.send(exchange, status, format.error(status, Refusals.message(e), null, null), extra);
  }
}
