package io.botburrow.agents.validation;

import java.util.Comparator;
import java.util.List;

/**
 * What validating a definitions folder found.
 *
 * @param problems sorted by file, then line
 * @param agents agent folders checked
 * @param skills skill folders checked
 */
public record ValidationReport(List<Problem> problems, int agents, int skills) {
  public ValidationReport {
    problems = problems.stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
  }

  /** Errors that stop an upload; with {@code force}, those about the runners' executor types do not. */
  public List<Problem> blocking(boolean force) {
    return problems.stream().filter(p -> p.isError() && !(force && p.forceable())).toList();
  }

  public boolean passes(boolean force) {
    return blocking(force).isEmpty();
  }

  /** E.g. {@code 2 errors, 1 warning in 3 agents and 2 skills}. */
  public String summary() {
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    return count(errors, "error") + ", " + count(warnings, "warning") + " in " + count(agents, "agent") + " and "
        + count(skills, "skill");
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
