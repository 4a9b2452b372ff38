package io.botburrow.coordinator.duties;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.schedule.ExplorationSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers with the Hub every agent whose definition is in the bucket, so that an agent uploaded with
 * {@code aws s3 cp} can be @mentioned without a separate step, and puts agents with discovery on the
 * exploration schedule (due one quiet period after they were first seen).
 */
public final class RegistrySync extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);
  private final HubClient hub;
  private final AgentDefinitionStore definitions;
  private final ExplorationSchedule schedule;
  private final Duration minStaleness;
  private final CoordinatorProperties props;
  private final Clock clock;
  private final Set<String> registered = new HashSet<>();

  public RegistrySync(
      HubClient hub,
      AgentDefinitionStore definitions,
      ExplorationSchedule schedule,
      Duration minStaleness,
      CoordinatorProperties props,
      Clock clock) {
    super(props.maxBackoff());
    this.hub = hub;
    this.definitions = definitions;
    this.schedule = schedule;
    this.minStaleness = minStaleness;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "registry-sync";
  }

  @Override
  protected Duration step(long fencingToken) {
    for (String name : definitions.listAgentNames()) {
      sync(name);
    }
    return props.registrySyncInterval();
  }

  private void sync(String name) {
    AgentConfig config;
    try {
      config = definitions.load(name).config();
    } catch (RuntimeException e) {
      // Register the identity anyway: a mention of an agent with a broken definition must surface as
      // an activation error, not vanish because the Hub does not know the name.
      if (!registered.contains(name)) {
        if (hub.registerAgent(name, name, "", "native")) {
          LOG.warn("Agent(name={}) registered with the Hub by name only; its definition is invalid: {}", name, e.getMessage());
        }
        registered.add(name);
      }
      return;
    }
    if (!registered.contains(name)) {
      try {
        if (hub.registerAgent(config.name(), config.displayName(), config.description(), config.type())) {
          LOG.info("Agent(name={}) registered with the Hub", name);
        }
        registered.add(name);
      } catch (HubException e) {
        LOG.warn("Agent(name={}) not registered with the Hub yet: {}", name, e.getMessage());
      }
    }
    if (config.behavior().discovery().enabled()) {
      schedule.scheduleIfAbsent(name, clock.instant().plus(minStaleness));
    } else {
      schedule.remove(name);
    }
  }
}
