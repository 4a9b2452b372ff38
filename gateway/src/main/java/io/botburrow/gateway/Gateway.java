package io.botburrow.gateway;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.auth.GatewayTokens;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM gateway: every model call of every executor passes here. It reserves the call's worst case on
 * the caller's budgets, sends it down the deployment chain, settles the budgets to the real usage, and
 * meters tokens, cost and latency. Keys live in the deployments; callers hold only their token.
 * The budgets of a call are held by {@link CallBudgets}, the operator's limits read by {@link SpendLimits}.
 * Thread-safe.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final GatewayRoutes routes;
  private final DeploymentChain chain;
  private final SpendLimits limits;
  private final CallBudgets callBudgets;
  private final GatewayMetrics metrics;
  private final GatewayTokens tokens;
  private final Clock clock;

  public Gateway(GatewayRoutes routes, DeploymentChain chain, Budgets budgets, BudgetLimits defaults, PriceTable prices,
      GatewayMetrics metrics, GatewayTokens tokens, Clock clock) {
    this(routes, chain, budgets, agent -> defaults, prices, metrics, tokens, clock);
  }

  /** @param agentLimits the operator's budget limits of each agent (the defaults, or the agent's own) */
  public Gateway(GatewayRoutes routes, DeploymentChain chain, Budgets budgets, Function<String, BudgetLimits> agentLimits,
      PriceTable prices, GatewayMetrics metrics, GatewayTokens tokens, Clock clock) {
    this.routes = routes;
    this.chain = chain;
    this.limits = new SpendLimits(budgets, agentLimits, clock);
    this.callBudgets = new CallBudgets(budgets, prices, metrics);
    this.metrics = metrics;
    this.tokens = tokens;
    this.clock = clock;
  }

  public GatewayTokens tokens() {
    return tokens;
  }

  /** How long {@code deployment} still rests after failures (zero when it does not). */
  public Duration cooldownLeft(String deployment) {
    return chain.restingUntil(deployment).map(until -> Duration.between(clock.instant(), until)).orElse(Duration.ZERO);
  }

  public GatewayRoutes routes() {
    return routes;
  }

  /** The deployments for a request naming {@code model}: it, then the caller's fallbacks. */
  public List<Deployment> chainFor(Caller caller, String model, Function<String, Optional<Deployment>> implicit) {
    return routes.chain(caller.chainFor(model), implicit);
  }

  /**
   * Runs one call. Blocks. {@code sink} null asks for a whole answer, else pieces go to it as they come.
   *
   * @throws BudgetExceededException when a budget of the caller is spent (nothing was sent)
   * @throws LlmException when no deployment served the call
   */
  public DeploymentChain.Served call(Caller caller, ChatRequest request, List<Deployment> deployments, StreamSink sink) {
    return call(caller, request, deployments, sink, served -> {});
  }

  /**
   * Runs one call like {@link #call(Caller, ChatRequest, List, StreamSink)}, handing the answer to {@code
   * deliver} before the budgets are settled and the call is metered: an HTTP caller has its answer
   * without waiting for that bookkeeping. The reservation holds the call's worst case until then.
   */
  public DeploymentChain.Served call(Caller caller, ChatRequest request, List<Deployment> deployments, StreamSink sink,
      Consumer<DeploymentChain.Served> deliver) {
    Instant start = clock.instant();
    var estimate = CallEstimate.of(request);
    var reservation = reserve(caller, request, estimate, deployments, start);
    DeploymentChain.Served served;
    try {
      served = chain.call(deployments, request, sink, estimate.total());
    } catch (RuntimeException e) {
      callBudgets.release(caller, reservation);
      var provider = deployments.isEmpty() ? "none" : deployments.get(0).provider();
      metrics.request(caller.agent(), request.model(), provider, status(e), Duration.between(start, clock.instant()), null);
      throw e;
    }
    try {
      deliver.accept(served);
    } finally {
      settle(caller, reservation, served, start);
    }
    return served;
  }

  private Budgets.Reservation reserve(Caller caller, ChatRequest request, CallEstimate estimate,
      List<Deployment> deployments, Instant start) {
    try {
      return callBudgets.reserve(caller, limits.of(caller), estimate, deployments, start);
    } catch (BudgetExceededException e) {
      metrics.request(caller.agent(), request.model(), "none", "budget", Duration.between(start, clock.instant()), null);
      throw e;
    }
  }

  /** The budgets settled to the call's usage, then the call metered. */
  private void settle(Caller caller, Budgets.Reservation reservation, DeploymentChain.Served served, Instant start) {
    callBudgets.settle(caller, reservation, served);
    var end = clock.instant();
    var deployment = served.deployment();
    metrics.request(caller.agent(), deployment.model(), deployment.provider(), "ok", Duration.between(start, end),
        Duration.between(start, served.firstToken()));
    metrics.tokens(caller.agent(), caller.tenant(), caller.toolType(), served.response().usage());
    if (!served.skipped().isEmpty()) {
      LOG.info("LLM(agent={}, activation={}) served by {} after skipping {}", caller.agent(), caller.activation(),
          deployment.name(), served.skipped());
    }
  }

  /** Every budget of {@code caller} as it stands now (limit 0: none). Blocks on the budget store. */
  public List<Budgets.Level> budgets(Caller caller) {
    return limits.levels(caller);
  }

  /** Whether the operator gave {@code agent} a daily or monthly budget here (its own or the default). */
  public boolean limitsAgentSpend(String agent) {
    return limitsAgentSpend(agent, null);
  }

  /** Whether the operator gave {@code agent} of {@code tenant} a daily or monthly budget (its own, its tenant's or the default). */
  public boolean limitsAgentSpend(String agent, String tenant) {
    return limits.limitsAgentSpend(agent, tenant);
  }

  /**
   * {@code agent}'s daily and monthly spend against its limits, with the meaning of the Hub's {@code
   * GET /system/budget-health} (sums since UTC midnight and the first of the month; healthy while below
   * both limits, a limit of 0 being none), counted here for every runner and gateway. Blocks on the
   * budget store.
   */
  public BudgetHealth budgetHealth(String agent, String tenant) {
    return limits.health(agent, tenant);
  }

  private static String status(RuntimeException e) {
    if (e instanceof LlmException llm) {
      return llm.status() == 0 ? "unreachable" : Integer.toString(llm.status());
    }
    return "error";
  }
}
