package io.botburrow.gateway.budget.memory;

import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Budget counters in this process only: for unit tests and a gateway without Redis. Never expires. */
public final class InMemoryBudgetStore implements BudgetStore {
  private final Map<String, Long> values = new HashMap<>();

  @Override
  public synchronized Result tryAdd(List<Counter> counters, long[] amounts) {
    var current = new long[counters.size()];
    for (int i = 0; i < current.length; i++) {
      current[i] = values.getOrDefault(counters.get(i).key(), 0L);
      var limit = counters.get(i).limit();
      if (limit > 0 && current[i] >= limit) {
        return new Result(i, current);
      }
    }
    return new Result(-1, add(counters, amounts));
  }

  @Override
  public synchronized long[] values(List<Counter> counters) {
    var result = new long[counters.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.getOrDefault(counters.get(i).key(), 0L);
    }
    return result;
  }

  @Override
  public synchronized long[] add(List<Counter> counters, long[] amounts) {
    var result = new long[counters.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.merge(counters.get(i).key(), amounts[i], Long::sum);
    }
    return result;
  }
}
