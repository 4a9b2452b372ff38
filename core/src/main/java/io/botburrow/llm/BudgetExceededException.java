package io.botburrow.llm;

import java.util.Locale;

/**
 * A model call was refused because a budget is spent. Not retryable: trying again (or on another model)
 * spends the same budget. The agent loop ends and the people who asked are told.
 */
public class BudgetExceededException extends LlmException {
  /** Which budget: per activation, per agent per day or month, per tenant per month. */
  public enum Scope {
    ACTIVATION("activation"), AGENT_DAY("agent_day"), AGENT_MONTH("agent_month"), TENANT_MONTH("tenant_month");

    private final String wireName;

    Scope(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private final Scope scope;
  private final double used;
  private final double limit;
  private final String unit;

  /** @param unit {@code USD} or {@code tokens} */
  public BudgetExceededException(Scope scope, double used, double limit, String unit) {
    super(String.format(Locale.ROOT, "budget spent: %s %s %.4f of %.4f", scope.wireName(), unit, used, limit), 429, false,
        null);
    this.scope = scope;
    this.used = used;
    this.limit = limit;
    this.unit = unit;
  }

  public Scope scope() {
    return scope;
  }

  public double used() {
    return used;
  }

  public double limit() {
    return limit;
  }

  public String unit() {
    return unit;
  }
}
