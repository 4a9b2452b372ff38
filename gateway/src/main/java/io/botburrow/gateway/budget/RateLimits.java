package io.botburrow.gateway.budget;

import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Requests and tokens per minute per provider key, counted for all gateways together in the budget store
 * (fixed one-minute windows). A deployment over its key's rate is skipped like a 429.
 */
public final class RateLimits implements DeploymentChain.RateGate {
  private final BudgetStore store;
  private final Clock clock;

  public RateLimits(BudgetStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public boolean admit(Deployment deployment, long tokens) {
    if (deployment.rpm() <= 0 && deployment.tpm() <= 0) {
      return true;
    }
    long minute = clock.millis() / 60_000;
    var prefix = "botburrow:rate:" + deployment.keyId() + ":" + minute;
    var counters = List.of(new Counter(prefix + ":requests", null, "requests", deployment.rpm(), Duration.ofMinutes(2)),
        new Counter(prefix + ":tokens", null, "tokens", deployment.tpm(), Duration.ofMinutes(2)));
    return store.tryAdd(counters, new long[] {1, tokens}).refused() < 0;
  }
}
