package io.botburrow.gateway;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.Budgets;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.Usage;
import io.botburrow.queue.QueueUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's hold on its caller's budgets: the worst case reserved before it is sent, released when no
 * deployment served it, else settled to the real usage at its price and metered. A settlement the budget store
 * cannot take (Redis out of reach after the call was served) does not cost the caller its answer: it is kept
 * and made at the next call that reaches the store, and meanwhile the call's worst case stays counted, so no
 * budget is under-counted. Thread-safe.
 */
final class CallBudgets {
  private static final Logger LOG = LoggerFactory.getLogger(CallBudgets.class);
  /** Settlements kept at most while the store is out of reach; past that the oldest keep their worst case. */
  static final int MAX_DEFERRED = 10_000;
  /** Deferred settlements made by one call that finds the store again, so that no caller waits for many. */
  static final int SETTLE_PER_CALL = 64;

  private record Deferred(Budgets.Reservation reservation, long tokens, double usd) {}

  private final Budgets budgets;
  private final PriceTable prices;
  private final GatewayMetrics metrics;
  private final Set<String> unpriced = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
  private final AtomicInteger deferredCount = new AtomicInteger();

  CallBudgets(Budgets budgets, PriceTable prices, GatewayMetrics metrics) {
    this.budgets = budgets;
    this.prices = prices;
    this.metrics = metrics;
    metrics.deferredSettlements(deferredCount::get);
  }

  /**
   * Reserves the call's worst case over the deployments that may serve it.
   *
   * @throws BudgetExceededException when a budget of the caller is spent
   */
  Budgets.Reservation reserve(Caller caller, BudgetLimits limits, CallEstimate estimate, List<Deployment> deployments,
      Instant at) {
    var reservation = budgets.reserve(caller, limits, estimate.total(), worstCase(deployments, estimate), at);
    settleDeferred();
    return reservation;
  }

  /** Gives the reservation back: nothing was used. */
  void release(Caller caller, Budgets.Reservation reservation) {
    settleOrDefer(caller, reservation, 0, 0);
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
    var levels = settleOrDefer(caller, reservation, usage.total(), cost.orElse(0));
    if (levels == null) {
      return;
    }
    metrics.budgets(caller.agent(), levels);
    for (var level : levels) {
      if (GatewayMetrics.crossedWarning(level)) {
        LOG.warn("Budget(agent={}, tenant={}, scope={}) is at {} % ({} of {} {})", caller.agent(), caller.tenant(),
            level.scope().wireName(), Math.round(level.ratio() * 100), level.used(), level.limit(), level.unit());
      }
    }
  }

  // the levels after settling, or null when the store is out of reach and the settlement was kept for later
  private List<Budgets.Level> settleOrDefer(Caller caller, Budgets.Reservation reservation, long tokens, double usd) {
    try {
      return budgets.settle(reservation, tokens, usd);
    } catch (QueueUnavailableException e) {
      if (deferredCount.incrementAndGet() > MAX_DEFERRED) {
        deferredCount.decrementAndGet();
        LOG.error("LLM(agent={}, activation={}) budgets not settled and not kept ({} settlements already wait): its"
            + " worst case stays counted until its budget periods end; {}", caller.agent(), caller.activation(),
            MAX_DEFERRED, e.getMessage());
        return null;
      }
      deferred.add(new Deferred(reservation, tokens, usd));
      LOG.warn("LLM(agent={}, activation={}) budgets settled later: {}; the call's worst case stays counted until then",
          caller.agent(), caller.activation(), e.getMessage());
      return null;
    }
  }

  // the store answered a call's reservation (every call's first use of it): settle what waited for it, a bounded
  // number at a time
  private void settleDeferred() {
    for (int i = 0; i < SETTLE_PER_CALL; i++) {
      var next = deferred.poll();
      if (next == null) {
        return;
      }
      try {
        budgets.settle(next.reservation(), next.tokens(), next.usd());
        if (deferredCount.decrementAndGet() == 0) {
          LOG.info("Budgets: every deferred settlement is made");
        }
      } catch (QueueUnavailableException e) {
        deferred.add(next);
        return;
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
