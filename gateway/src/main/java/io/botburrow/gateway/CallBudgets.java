package io.botburrow.gateway;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's hold on its caller's budgets: the worst case reserved before it is sent, released when no
 * deployment served it, else settled to the real usage at its price and metered. Thread-safe.
 */
final class CallBudgets {
  private static final Logger LOG = LoggerFactory.getLogger(CallBudgets.class);

  private final Budgets budgets;
  private final PriceTable prices;
  private final GatewayMetrics metrics;
  private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

  CallBudgets(Budgets budgets, PriceTable prices, GatewayMetrics metrics) {
    this.budgets = budgets;
    this.prices = prices;
    this.metrics = metrics;
  }

  /**
   * Reserves the call's worst case over the deployments that may serve it.
   *
   * @throws BudgetExceededException when a budget of the caller is spent
   */
  Budgets.Reservation reserve(Caller caller, BudgetLimits limits, CallEstimate estimate, List<Deployment> deployments,
      Instant at) {
    return budgets.reserve(caller, limits, estimate.total(), worstCase(deployments, estimate), at);
  }

  /** Gives the reservation back: nothing was used. */
  void release(Budgets.Reservation reservation) {
    budgets.settle(reservation, 0, 0);
  }

  void settle(Caller caller, Budgets.Reservation reservation, DeploymentChain.Served served) {
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
  private double worstCase(List<Deployment> deployments, CallEstimate estimate) {
    var usage = new Usage(estimate.input(), estimate.output());
    double worst = 0;
    for (var deployment : deployments) {
      var cost = prices.cost(deployment.model(), usage);
      if (cost.isPresent()) {
        worst = Math.max(worst, cost.getAsDouble());
      }
    }
    return worst;
  }
}
