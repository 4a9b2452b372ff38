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
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM gateway: every model call of every executor passes here. It reserves the call's worst case on
 * the caller's budgets, sends it down the deployment chain, settles the budgets to the real usage, and
 * meters tokens, cost and latency. Keys live in the deployments; callers hold only their token.
 * Thread-safe.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** The Messages API's own default when a request sets no max_tokens. */
  static final int DEFAULT_MAX_OUTPUT = 4096;

  private final GatewayRoutes routes;
  private final DeploymentChain chain;
  private final Budgets budgets;
  private final Function<String, BudgetLimits> agentLimits;
  private final PriceTable prices;
  private final GatewayMetrics metrics;
  private final GatewayTokens tokens;
  private final Clock clock;
  private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

  public Gateway(GatewayRoutes routes, DeploymentChain chain, Budgets budgets, BudgetLimits defaults, PriceTable prices,
      GatewayMetrics metrics, GatewayTokens tokens, Clock clock) {
    this(routes, chain, budgets, agent -> defaults, prices, metrics, tokens, clock);
  }

  /** @param agentLimits the operator's budget limits of each agent (the defaults, or the agent's own) */
  public Gateway(GatewayRoutes routes, DeploymentChain chain, Budgets budgets, Function<String, BudgetLimits> agentLimits,
      PriceTable prices, GatewayMetrics metrics, GatewayTokens tokens, Clock clock) {
    this.routes = routes;
    this.chain = chain;
    this.budgets = budgets;
    this.agentLimits = agentLimits;
    this.prices = prices;
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
    long input = estimateInputTokens(request);
    long output = request.maxTokens() > 0 ? request.maxTokens() : DEFAULT_MAX_OUTPUT;
    var limits = limitsFor(caller);
    Budgets.Reservation reservation;
    try {
      reservation = budgets.reserve(caller, limits, input + output, worstCase(deployments, input, output), start);
    } catch (BudgetExceededException e) {
      metrics.request(caller.agent(), request.model(), "none", "budget", Duration.between(start, clock.instant()), null);
      throw e;
    }
    DeploymentChain.Served served;
    try {
      served = chain.call(deployments, request, sink, input + output);
    } catch (RuntimeException e) {
      budgets.settle(reservation, 0, 0);
      var provider = deployments.isEmpty() ? "none" : deployments.get(0).provider();
      metrics.request(caller.agent(), request.model(), provider, status(e), Duration.between(start, clock.instant()), null);
      throw e;
    }
    try {
      deliver.accept(served);
    } finally {
      settle(caller, reservation, served);
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
    return served;
  }

  /** Every budget of {@code caller} as it stands now (limit 0: none). Blocks on the budget store. */
  public List<Budgets.Level> budgets(Caller caller) {
    return budgets.levels(caller, limitsFor(caller), clock.instant());
  }

  /** Whether the operator gave {@code agent} a daily or monthly budget here (its own or the default). */
  public boolean limitsAgentSpend(String agent) {
    return limitsAgentSpend(agent, null);
  }

  /** Whether the operator gave {@code agent} of {@code tenant} a daily or monthly budget (its own, its tenant's or the default). */
  public boolean limitsAgentSpend(String agent, String tenant) {
    var limits = limitsOf(agent, tenant);
    return limits.agentDailyUsd() > 0 || limits.agentMonthlyUsd() > 0;
  }

  /**
   * {@code agent}'s daily and monthly spend against its limits, with the meaning of the Hub's {@code
   * GET /system/budget-health} (sums since UTC midnight and the first of the month; healthy while below
   * both limits, a limit of 0 being none), counted here for every runner and gateway. Blocks on the
   * budget store.
   */
  public BudgetHealth budgetHealth(String agent, String tenant) {
    var caller = new Caller(agent, "budget-health", tenant, clock.instant().plusSeconds(1), 0, List.of());
    double dailyUsed = 0;
    double dailyLimit = 0;
    double monthlyUsed = 0;
    double monthlyLimit = 0;
    for (var level : budgets(caller)) {
      switch (level.scope()) {
        case AGENT_DAY -> {
          dailyUsed = level.used();
          dailyLimit = level.limit();
        }
        case AGENT_MONTH -> {
          monthlyUsed = level.used();
          monthlyLimit = level.limit();
        }
        default -> { }
      }
    }
    boolean healthy = (dailyLimit <= 0 || dailyUsed < dailyLimit) && (monthlyLimit <= 0 || monthlyUsed < monthlyLimit);
    return new BudgetHealth(agent, dailyLimit, dailyUsed, monthlyLimit, monthlyUsed, healthy);
  }

  /** The operator's limits for this caller: its agent's own where the operator set them, its token limit. */
  BudgetLimits limitsFor(Caller caller) {
    var own = limitsOf(caller.agent(), caller.tenant());
    return own.withActivationTokens(caller.tokenLimit() > 0 ? caller.tokenLimit() : own.activationTokens());
  }

  private BudgetLimits limitsOf(String agent, String tenant) {
    return agentLimits instanceof io.botburrow.gateway.budget.AgentLimits limits ? limits.apply(agent, tenant)
        : agentLimits.apply(agent);
  }

  private void settle(Caller caller, Budgets.Reservation reservation, DeploymentChain.Served served) {
    Usage usage = served.response().usage();
    var model = served.deployment().model();
    var cost = prices.cost(served.response().model(), usage);
    if (cost.isEmpty()) {
      cost = prices.cost(model, usage);
    }
    if (cost.isPresent()) {
      metrics.cost(caller.agent(), caller.tenant(), model, cost.getAsDouble());
    } else {
      metrics.unknownCost(caller.agent(), model);
      if (unpriced.add(model)) {
        LOG.warn("LLM(model={}) is not in the price table: its calls are counted as unknown cost; add it to "
            + "botburrow.gateway.prices-file", model);
      }
    }
    var levels = budgets.settle(reservation, usage.total(), cost.orElse(0));
    metrics.budgets(caller.agent(), levels);
    for (var level : levels) {
      if (GatewayMetrics.crossedWarning(level)) {
        LOG.warn("Budget(agent={}, tenant={}, scope={}) is at {} % ({} of {} {})", caller.agent(), caller.tenant(),
            level.scope().wireName(), Math.round(level.ratio() * 100), level.used(), level.limit(), level.unit());
      }
    }
  }

  /** The dearest known price over the chain: a fallback may serve the call. Unknown prices reserve nothing. */
  private double worstCase(List<Deployment> deployments, long input, long output) {
    var usage = new Usage(input, output);
    double worst = 0;
    for (var deployment : deployments) {
      var cost = prices.cost(deployment.model(), usage);
      if (cost.isPresent()) {
        worst = Math.max(worst, cost.getAsDouble());
      }
    }
    return worst;
  }

  /** About four characters per token, as providers' tokenizers average on English text and JSON. */
  static long estimateInputTokens(ChatRequest request) {
    long chars = 0;
    for (var message : request.messages()) {
      chars += switch (message) {
        case ChatMessage.System s -> s.content().length();
        case ChatMessage.User u -> u.content().length();
        case ChatMessage.Assistant a -> a.content().length()
            + a.toolCalls().stream().mapToLong(c -> c.name().length() + c.argumentsJson().length()).sum();
        case ChatMessage.ToolResult r -> r.content().length();
      } + 4 * 4;
    }
    for (var tool : request.tools()) {
      chars += tool.name().length() + tool.description().length() + tool.parameters().toString().length();
    }
    return chars / 4 + 1;
  }

  private static String status(RuntimeException e) {
    if (e instanceof LlmException llm) {
      return llm.status() == 0 ? "unreachable" : Integer.toString(llm.status());
    }
    return "error";
  }
}
