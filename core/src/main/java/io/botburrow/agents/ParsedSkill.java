package io.botburrow.agents;

import java.util.List;
import java.util.Objects;

/**
 * A valid skill and what was tolerated while reading it.
 *
 * @param skill the skill
 * @param warnings one line per tolerated problem, naming the object key and the field
 */
public record ParsedSkill(Skill skill, List<String> warnings) {
  public ParsedSkill {
    Objects.requireNonNull(skill, "skill");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
