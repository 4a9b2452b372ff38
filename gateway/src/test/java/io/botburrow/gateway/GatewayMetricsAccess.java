package io.botburrow.gateway;

import io.botburrow.gateway.budget.Budgets;

/** Opens package-private decisions of the gateway's meters to tests in other packages. */
public final class GatewayMetricsAccess {
  private GatewayMetricsAccess() {}

  public static boolean crossed(Budgets.Level level) {
    return GatewayMetrics.crossedWarning(level);
  }
}
