package io.botburrow.gateway.budget;

import io.botburrow.llm.BudgetExceededException;
import java.time.Duration;

/**
 * One budget counter: a key, the limit it may reach (0: none) and how long it lives.
 *
 * @param scope the budget it counts, or null for a rate counter
 * @param unit {@code USD} (stored in micro-dollars), {@code tokens} or {@code requests}
 */
public record Counter(String key, BudgetExceededException.Scope scope, String unit, long limit, Duration ttl) {
  public static final long MICROS = 1_000_000;

  public double asUnit(long value) {
    return "USD".equals(unit) ? value / (double) MICROS : value;
  }
}
