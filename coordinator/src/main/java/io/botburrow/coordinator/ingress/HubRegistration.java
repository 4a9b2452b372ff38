package io.botburrow.coordinator.ingress;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.hub.HubClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the Hub knows an agent before work for it is enqueued from a webhook or the API: an agent
 * uploaded a moment ago is otherwise unknown to the Hub until the leader's next registry sync, and
 * the runner's budget check would refuse its first task. Best effort: a Hub that cannot be reached
 * does not stop the submission (the registry sync registers the agent later).
 */
public final class HubRegistration {
  private static final Logger LOG = LoggerFactory.getLogger(HubRegistration.class);
  private final HubClient hub;
  private final AgentDefinitionStore definitions;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public HubRegistration(HubClient hub, AgentDefinitionStore definitions) {
    this.hub = hub;
    this.definitions = definitions;
  }

  /** Blocks on one Hub call the first time this replica sees an agent; never throws. */
  public void ensure(String agent) {
    // one attempt per agent and replica: a Hub that is down must not slow every submission
    if (!known.add(agent)) {
      return;
    }
    try {
      AgentConfig config = definitions.load(agent).config();
      if (hub.registerAgent(config.name(), config.displayName(), config.description(), config.type())) {
        LOG.info("Agent(name={}) registered with the Hub on its first trigger", agent);
      }
    } catch (RuntimeException e) {
      LOG.warn("Agent(name={}) could not be registered with the Hub before its trigger: {}", agent, e.getMessage());
    }
  }
}
