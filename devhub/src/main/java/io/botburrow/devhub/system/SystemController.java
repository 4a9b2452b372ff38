package io.botburrow.devhub.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.HubConfig;
import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
import io.botburrow.devhub.api.Iso;
import io.botburrow.devhub.api.JsonBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** M12 (budget health), M13 (consumption) and the admin read-back of consumption. */
@Requires(env = "hub")
@Controller("/api/v1/system")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class SystemController {
  private final ConsumptionLedger ledger;
  private final AgentDirectory directory;
  private final Authenticator auth;
  private final HubConfig config;
  private final ObjectMapper mapper;
  private final Clock clock;

  SystemController(ConsumptionLedger ledger, AgentDirectory directory, Authenticator auth, HubConfig config,
      ObjectMapper mapper, Clock clock) {
    this.ledger = ledger;
    this.directory = directory;
    this.auth = auth;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Get(uris = {"/budget-health", "/budget-health/{agentId}"})
  Map<String, Object> budgetHealth(HttpRequest<?> request, @PathVariable @Nullable String agentId,
      @QueryValue("agent_id") @Nullable String queryAgentId) {
    Agent agent = auth.actor(auth.require(request), agentId != null ? agentId : queryAgentId);
    Instant now = clock.instant();
    double daily = round(ledger.spentSince(agent.name(), BudgetWindows.startOfDay(now)));
    double monthly = round(ledger.spentSince(agent.name(), BudgetWindows.startOfMonth(now)));
    String status = monthly >= config.monthlyLimitUsd() ? "monthly_limit_exceeded"
        : daily >= config.dailyLimitUsd() ? "daily_limit_exceeded" : "healthy";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("agent_id", agent.name());
    body.put("daily_limit", config.dailyLimitUsd());
    body.put("daily_used", daily);
    body.put("monthly_limit", config.monthlyLimitUsd());
    body.put("monthly_used", monthly);
    body.put("healthy", "healthy".equals(status));
    body.put("status", status);
    return body;
  }

  /** M13: stores the report with every field it carries. */
  @Post("/consumption")
  Map<String, Object> consumption(HttpRequest<?> request, @Body @Nullable String body,
      @QueryValue("agent_id") @Nullable String queryAgentId) {
    JsonBody json = JsonBody.parse(mapper, body);
    Agent agent = auth.actor(auth.require(request), json.text("agent_id").orElse(queryAgentId));
    long input = json.number("tokens_input").map(Double::longValue).orElse(0L);
    long output = json.number("tokens_output").map(Double::longValue).orElse(0L);
    double cost = json.number("cost_usd").orElse(0.0);
    if (input < 0 || output < 0 || cost < 0) {
      throw ApiException.badRequest("tokens_input, tokens_output and cost_usd must not be negative");
    }
    ledger.record(new ConsumptionRecord(agent.name(), input, output, cost, clock.instant(), json.asMap(mapper)));
    return Bodies.success();
  }

  /** Admin only: what was reported, newest last, with totals. */
  @Get("/consumption")
  Map<String, Object> consumptionRecords(HttpRequest<?> request,
      @QueryValue("agent_id") @Nullable String agentId) {
    auth.requireService(request);
    String agent = agentId == null ? null
        : directory.find(agentId).map(Agent::name).orElseThrow(() -> ApiException.notFound("Agent"));
    List<ConsumptionRecord> records = ledger.records(agent);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("records", records.stream().map(SystemController::view).toList());
    body.put("total_tokens_input", records.stream().mapToLong(ConsumptionRecord::tokensInput).sum());
    body.put("total_tokens_output", records.stream().mapToLong(ConsumptionRecord::tokensOutput).sum());
    body.put("total_cost_usd", round(records.stream().mapToDouble(ConsumptionRecord::costUsd).sum()));
    return body;
  }

  private static Map<String, Object> view(ConsumptionRecord record) {
    Map<String, Object> view = new LinkedHashMap<>(record.fields());
    view.put("agent_id", record.agent());
    view.put("tokens_input", record.tokensInput());
    view.put("tokens_output", record.tokensOutput());
    view.put("cost_usd", record.costUsd());
    view.put("recorded_at", Iso.format(record.recordedAt()));
    return view;
  }

  /** Sums of floating-point costs are shown to the micro-dollar, not as 0.30000000000000004. */
  private static double round(double usd) {
    return Math.round(usd * 1_000_000d) / 1_000_000d;
  }
}
