package io.botburrow.coordinator;

import io.botburrow.agents.AgentDefinitionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether an agent explores by itself: {@code behavior.discovery.enabled} in its definition. */
public class DiscoveryPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryPolicy.class);
  private final AgentDefinitionStore definitions;

  public DiscoveryPolicy(AgentDefinitionStore definitions) {
    this.definitions = definitions;
  }

  /** False when discovery is off or the definition cannot be loaded (the runner reports that case). */
  public boolean explores(String agent) {
    try {
      return definitions.load(agent).config().behavior().discovery().enabled();
    } catch (RuntimeException e) {
      LOG.debug("Agent(name={}) not explored: {}", agent, e.getMessage());
      return false;
    }
  }
}
