package io.botburrow.agents.s3;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Skill;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A loaded definition with the objects it was built from, kept for revalidation.
 *
 * @param definition what callers get
 * @param config config.yaml as read
 * @param prompt system-prompt.md as read, or null when absent
 * @param skills the skill objects that exist, by skill name
 * @param warnings problems tolerated while building {@code definition}
 * @param expiresAt when to revalidate
 */
record Snapshot(
    AgentDefinition definition,
    StoredObject config,
    StoredObject prompt,
    Map<String, LoadedSkill> skills,
    List<String> warnings,
    Instant expiresAt) {

  Snapshot {
    skills = Map.copyOf(skills);
    warnings = List.copyOf(warnings);
  }

  boolean isFresh(Instant now) {
    return now.isBefore(expiresAt);
  }

  Snapshot withExpiresAt(Instant newExpiresAt) {
    return new Snapshot(definition, config, prompt, skills, warnings, newExpiresAt);
  }

  /**
   * A skill object and what it parsed to.
   *
   * @param object SKILL.md as read
   * @param skill the parsed skill, or null when the object is invalid
   */
  record LoadedSkill(StoredObject object, Skill skill) {}
}
