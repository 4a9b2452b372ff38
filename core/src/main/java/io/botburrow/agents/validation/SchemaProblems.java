package io.botburrow.agents.validation;

import io.botburrow.agents.validation.SchemaCheck.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns schema violations into problems on lines. Unknown fields are warnings: the runtime reads
 * definitions leniently, keeping and reporting fields it does not know. Everything else the schema
 * forbids is an error.
 */
final class SchemaProblems {
  private SchemaProblems() {}

  static List<Problem> of(String file, YamlDocument document, List<Violation> violations) {
    List<Problem> problems = new ArrayList<>();
    for (Violation v : withoutBranchNoise(violations)) {
      int line = document.lineOf(v.path());
      String where = v.dottedPath().isEmpty() ? "" : v.dottedPath() + ": ";
      problems.add(switch (v.keyword()) {
        case "additionalProperties" -> Problem.warning(file, line, where + "unknown field, not in the schema");
        case "required" -> Problem.error(file, line, where + "is required");
        case "oneOf" -> Problem.error(file, line, where + "matches none of the allowed forms");
        default -> Problem.error(file, line, where + v.message());
      });
    }
    return problems;
  }

  /**
   * A {@code oneOf} that fails reports each branch's failure too; "object found, string expected" only
   * says which branch did not apply. Keep the real failures under it, or the oneOf itself when none.
   */
  static List<Violation> withoutBranchNoise(List<Violation> violations) {
    List<List<Object>> alternatives = violations.stream().filter(v -> v.keyword().equals("oneOf")).map(Violation::path).toList();
    List<Violation> kept = violations.stream()
        .filter(v -> !(v.keyword().equals("type") && alternatives.contains(v.path())))
        .toList();
    return kept.stream()
        .filter(v -> !v.keyword().equals("oneOf") || kept.stream().noneMatch(o -> o != v && startsWith(o.path(), v.path())))
        .toList();
  }

  private static boolean startsWith(List<Object> path, List<Object> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }
}
