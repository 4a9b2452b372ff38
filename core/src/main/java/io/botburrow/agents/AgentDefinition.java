package io.botburrow.agents;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the runner needs to run one agent, as loaded from the bucket.
 *
 * @param config the parsed config.yaml
 * @param systemPrompt system-prompt.md verbatim; empty when the object is absent
 * @param skills the skills named in {@code capabilities.skills} that could be loaded, in config order
 * @param revision opaque; changes whenever any of the objects changes (built from their ETags)
 */
public record AgentDefinition(AgentConfig config, String systemPrompt, List<Skill> skills, String revision) {

  public AgentDefinition {
    Objects.requireNonNull(config, "config");
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    skills = skills == null ? List.of() : List.copyOf(skills);
    revision = revision == null ? "" : revision;
  }

  /** The agent's name, which is also its Hub id. */
  public String name() {
    return config.name();
  }

  public Optional<Skill> skill(String skillName) {
    return skills.stream().filter(s -> s.name().equals(skillName)).findFirst();
  }
}
