package io.botburrow.devhub.agents;

import io.botburrow.devhub.HubConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the {@code botburrow.hub.seed-agents} entries ({@code name[:type]}) when the Hub starts. */
@Context
@Requires(env = "hub")
class AgentSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(AgentSeeder.class);

  AgentSeeder(HubConfig config, Registrar registrar, AgentDirectory directory) {
    for (String entry : config.seedAgents()) {
      String[] parts = entry.split(":", 2);
      String name = AgentName.normalize(parts[0]);
      String type = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : Agent.DEFAULT_TYPE;
      if (directory.find(name).isPresent()) {
        LOG.debug("Agent(name={}) already seeded", name);
        continue;
      }
      registrar.register(new Registrar.Request(name, null, null, type, null));
    }
  }
}
