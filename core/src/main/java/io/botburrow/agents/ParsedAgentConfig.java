package io.botburrow.agents;

import java.util.List;
import java.util.Objects;

/**
 * A valid config and what was tolerated while reading it.
 *
 * @param config the config, defaults applied
 * @param warnings one line per tolerated problem, each naming the object key and the field, e.g.
 *     {@code agents/foo/config.yaml: behavior.can_create_posts: unknown field, ignored}
 */
public record ParsedAgentConfig(AgentConfig config, List<String> warnings) {
  public ParsedAgentConfig {
    Objects.requireNonNull(config, "config");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
