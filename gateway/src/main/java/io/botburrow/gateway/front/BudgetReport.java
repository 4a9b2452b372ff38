package io.botburrow.gateway.front;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayAuthException;
import io.botburrow.gateway.front.http.Http1Exchange;
import io.botburrow.queue.QueueUnavailableException;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /v1/budget}: the caller's budgets as they stand, for the bearer of an activation token, with
 * errors in the OpenAI format.
 */
final class BudgetReport {
  private final Gateway gateway;
  private final ObjectMapper mapper;
  private final OpenAiFront openAi;
  private final JsonBodies json;

  BudgetReport(Gateway gateway, ObjectMapper mapper, OpenAiFront openAi, JsonBodies json) {
    this.gateway = gateway;
    this.mapper = mapper;
    this.openAi = openAi;
    this.json = json;
  }

  /**
   * The caller's budgets as they stand: each with used and limit (0: none), and its agent's daily and
   * monthly spend with the fields of the Hub's budget health.
   */
  void serve(Http1Exchange exchange) throws IOException {
    Caller caller;
    try {
      caller = gateway.tokens().verify(openAi.presentedToken(exchange.headers()));
    } catch (GatewayAuthException e) {
      json.send(exchange, 401, openAi.error(401, e.getMessage(), null, "invalid_api_key"), Map.of());
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
      json.send(exchange, 200, body, Map.of());
    } catch (QueueUnavailableException e) {
      json.send(exchange, 503, openAi.error(503, "budget store unavailable", null, null), Map.of());
    }
  }
}
