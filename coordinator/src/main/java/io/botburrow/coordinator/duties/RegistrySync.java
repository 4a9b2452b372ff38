package io.botburrow.coordinator.duties;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentConfig;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.hub.HubClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers with the Hub every agent whose definition is in the bucket, so that an agent uploaded with
 * {@code aws s3 cp} can be @mentioned without a separate registration step.
 */
public final class RegistrySync extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);
  private final HubClient hub;
  private final AgentDefinitionStore definitions;
  private final CoordinatorProperties props;
  private final Set<String> known = new HashSet<>();

  public RegistrySync(HubClient hub, AgentDefinitionStore definitions, CoordinatorProperties props) {
    super(props.maxBackoff());
    this.hub = hub;
    this.definitions = definitions;
    this.props = props;
  }

  @Override
  public String name() {
    return "registry-sync";
  }

  @Override
  protected Duration step(long fencingToken) {
    for (String name : definitions.listAgentNames()) {
      if (!known.contains(name) && register(name)) {
        known.add(name);
      }
    }
    return props.registrySyncInterval();
  }

  private boolean register(String name) {
    boolean created;
    try {
      AgentConfig c = definitions.load(name).config();
      created = hub.registerAgent(c.name(), c.displayName(), c.description(), c.type());
    } catch (RuntimeException e) {
      if (e instanceof io.botburrow.hub.HubException) {
        throw e;
      }
      // Register the identity anyway: a mention of an agent with a broken definition must surface as
      // an activation error, not vanish because the Hub does not know the name.
      LOG.warn("Agent(name={}) has an invalid definition ({}); registering its name only", name, e.getMessage());
      created = hub.registerAgent(name, name, "", "native");
    }
    if (created) {
      LOG.info("Agent(name={}) registered with the Hub", name);
    }
    return true;
  }
}
