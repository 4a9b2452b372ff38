package io.botburrow.agents;

import java.util.List;

/**
 * Whether the agent may propose new agents (ADR-013).
 *
 * @param canPropose false by default
 * @param allowedTemplates templates it may propose from, empty by default
 */
public record Spawning(boolean canPropose, List<String> allowedTemplates) {

  public Spawning {
    allowedTemplates = Checks.copy(allowedTemplates);
  }

  public static Spawning disabled() {
    return new Spawning(false, List.of());
  }
}
