package io.botburrow.gateway.budget;

import java.util.List;

/**
 * Where budget counters live, shared by every gateway and runner (Redis), so a limit holds across all
 * of them. Both operations are atomic over all counters given.
 */
public interface BudgetStore {

  /**
   * Adds {@code amounts} to the counters only if none with a limit has reached it. Blocks on the store.
   *
   * @return {@code refused} -1 and the new values, or the index of the first counter at its limit and
   *     the values unchanged
   */
  Result tryAdd(List<Counter> counters, long[] amounts);

  /** Adds {@code amounts} (negative to give back) unconditionally; returns the new values. */
  long[] add(List<Counter> counters, long[] amounts);

  /** The counters' values (0 for those never written). Blocks on the store. */
  default long[] values(List<Counter> counters) {
    return add(counters, new long[counters.size()]);
  }

  record Result(int refused, long[] values) {}
}
