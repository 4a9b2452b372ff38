package io.botburrow.coordinator.duties;

import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.triggers.ScheduleSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the schedule index in step with the definitions: new and changed schedules get their next
 * fire time from now, removed ones (and agents) leave the index. Runs every sync interval, not per tick.
 */
final class ScheduleSync {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleSync.class);
  private final ScheduleIndex index;
  private final AgentDefinitionStore definitions;
  private final Clock clock;

  ScheduleSync(ScheduleIndex index, AgentDefinitionStore definitions, Clock clock) {
    this.index = index;
    this.definitions = definitions;
    this.clock = clock;
  }

  void syncAll() {
    Set<String> seen = new HashSet<>();
    for (String agent : definitions.listAgentNames()) {
      seen.add(agent);
      try {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Map<String, ScheduleSpec> specs = new LinkedHashMap<>();
        for (ScheduleSpec s : definitions.load(agent).config().triggers().schedules()) {
          fingerprints.put(s.id(), s.cron() + "|" + s.timezone().getId());
          specs.put(s.id(), s);
        }
        Instant now = clock.instant();
        index.sync(agent, fingerprints, id -> specs.get(id).cron().nextAfter(now, specs.get(id).timezone()).orElse(null));
      } catch (AgentDefinitionException e) {
        // an invalid definition keeps its schedules until it is fixed or removed
        LOG.debug("Agent(name={}) schedules not synced: {}", agent, e.getMessage());
      }
    }
    for (String agent : index.agents()) {
      if (!seen.contains(agent)) {
        index.sync(agent, Map.of(), id -> null);
      }
    }
  }
}
