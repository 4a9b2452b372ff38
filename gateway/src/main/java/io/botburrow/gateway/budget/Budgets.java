package io.botburrow.gateway.budget;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.BudgetExceededException.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reserves a call's worst case against every budget of its caller before the call, and settles to what
 * it used after. A reservation is refused once a budget is spent (its counter at or over the limit), so
 * concurrent calls overshoot a limit by at most one call's worst case. Thread-safe.
 */
public final class Budgets {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
  private static final String PREFIX = "botburrow:budget:";
  private static final Duration ACTIVATION_TTL = Duration.ofDays(2);
  private static final Duration DAY_TTL = Duration.ofDays(3);
  private static final Duration MONTH_TTL = Duration.ofDays(40);

  /** What was reserved, to settle later. */
  public record Reservation(List<Counter> counters, long[] amounts, long[] values) {}

  /** A budget's state after a call: used (before the call and now) and limit in its unit. */
  public record Level(Scope scope, String unit, double used, double limit, double usedBefore) {
    public Level(Scope scope, String unit, double used, double limit) {
      this(scope, unit, used, limit, used);
    }

    public double ratio() {
      return limit <= 0 ? 0 : used / limit;
    }
  }

  private final BudgetStore store;
  private final java.util.Set<String> tenantsWithOwnAgents;
  private volatile Period period = Period.of(Instant.EPOCH);

  public Budgets(BudgetStore store) {
    this(store, java.util.Set.of());
  }

  /**
   * @param tenantsWithOwnAgents tenants whose agents' budgets are counted apart from same-named agents of other
   *     tenants (each configured tenant but the default one, whose counters keep the keys they always had)
   */
  public Budgets(BudgetStore store, java.util.Set<String> tenantsWithOwnAgents) {
    this.tenantsWithOwnAgents = java.util.Set.copyOf(tenantsWithOwnAgents);
    this.store = store;
  }

  /** The UTC day and month of an instant, as counter keys name them. */
  record Period(long epochDay, String day, String month) {
    static Period of(Instant now) {
      return new Period(Math.floorDiv(now.getEpochSecond(), 86_400), DAY.format(now), MONTH.format(now));
    }
  }

  /** Formatted once per day, not per call. */
  private Period period(Instant now) {
    var known = period;
    if (known.epochDay() != Math.floorDiv(now.getEpochSecond(), 86_400)) {
      known = Period.of(now);
      period = known;
    }
    return known;
  }

  /**
   * Reserves {@code tokens} and {@code usd} (the call's worst case) on every budget of {@code caller}.
   *
   * @throws BudgetExceededException when one of them is spent
   */
  public Reservation reserve(Caller caller, BudgetLimits limits, long tokens, double usd, Instant now) {
    var counters = counters(agentKey(caller), caller, limits, period(now));
    var amounts = amounts(counters, tokens, usd);
    var result = store.tryAdd(counters, amounts);
    if (result.refused() >= 0) {
      var counter = counters.get(result.refused());
      throw new BudgetExceededException(counter.scope(), counter.asUnit(result.values()[result.refused()]),
          counter.asUnit(counter.limit()), counter.unit());
    }
    return new Reservation(counters, amounts, result.values());
  }

  /** Replaces the reservation by what the call used; returns each limited budget's level. */
  public List<Level> settle(Reservation reservation, long tokens, double usd) {
    var actual = amounts(reservation.counters(), tokens, usd);
    var delta = new long[actual.length];
    for (int i = 0; i < actual.length; i++) {
      delta[i] = actual[i] - reservation.amounts()[i];
    }
    var values = store.add(reservation.counters(), delta);
    var levels = new ArrayList<Level>();
    for (int i = 0; i < values.length; i++) {
      var counter = reservation.counters().get(i);
      if (counter.limit() > 0) {
        long before = reservation.values()[i] - reservation.amounts()[i];
        levels.add(new Level(counter.scope(), counter.unit(), counter.asUnit(values[i]), counter.asUnit(counter.limit()),
            counter.asUnit(before)));
      }
    }
    return levels;
  }

  /** Every budget of {@code caller} as it stands (limit 0: none), without spending anything. */
  public List<Level> levels(Caller caller, BudgetLimits limits, Instant now) {
    var counters = counters(agentKey(caller), caller, limits, period(now));
    var values = store.values(counters);
    var levels = new ArrayList<Level>();
    for (int i = 0; i < values.length; i++) {
      var counter = counters.get(i);
      levels.add(new Level(counter.scope(), counter.unit(), counter.asUnit(values[i]), counter.asUnit(counter.limit())));
    }
    return levels;
  }

  /** The counters of one caller's budgets at {@code now}. Pure. */
  private String agentKey(Caller caller) {
    String agent = "agent:" + caller.agent();
    return tenantsWithOwnAgents.contains(caller.tenant()) ? "tenant:" + caller.tenant() + ":" + agent : agent;
  }

  static List<Counter> counters(Caller caller, BudgetLimits limits, Period period) {
    return counters("agent:" + caller.agent(), caller, limits, period);
  }

  /** @param agentKey the agent's part of its counters' keys: its name, under its tenant's where tenants keep apart */
  static List<Counter> counters(String agentKey, Caller caller, BudgetLimits limits, Period period) {
    var act = PREFIX + "act:" + caller.activation();
    var agent = PREFIX + agentKey;
    return List.of(
        new Counter(act + ":tokens", Scope.ACTIVATION, "tokens", limits.activationTokens(), ACTIVATION_TTL),
        new Counter(act + ":usd", Scope.ACTIVATION, "USD", micros(limits.activationUsd()), ACTIVATION_TTL),
        new Counter(agent + ":day:" + period.day() + ":usd", Scope.AGENT_DAY, "USD", micros(limits.agentDailyUsd()),
            DAY_TTL),
        new Counter(agent + ":month:" + period.month() + ":usd", Scope.AGENT_MONTH, "USD",
            micros(limits.agentMonthlyUsd()), MONTH_TTL),
        new Counter(PREFIX + "tenant:" + caller.tenant() + ":month:" + period.month() + ":usd", Scope.TENANT_MONTH,
            "USD", micros(limits.tenantMonthlyUsd()), MONTH_TTL));
  }

  private static long[] amounts(List<Counter> counters, long tokens, double usd) {
    var amounts = new long[counters.size()];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = "tokens".equals(counters.get(i).unit()) ? tokens : micros(usd);
    }
    return amounts;
  }

  static long micros(double usd) {
    return Math.round(usd * Counter.MICROS);
  }
}
