package io.botburrow.coordinator.channels;

import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.channels.ChannelSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every agent's {@code channels:} entries, read from the definitions and kept for {@code refresh}, so a
 * burst of messages does not read every definition each time. An agent whose definition cannot be
 * read is left out until the next refresh.
 */
final class ChannelDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelDirectory.class);
  private final AgentDefinitionStore definitions;
  private final Clock clock;
  private final Duration refresh;
  private Map<String, List<ChannelSubscription>> cached;
  private Instant readAt;

  ChannelDirectory(AgentDefinitionStore definitions, Clock clock, Duration refresh) {
    this.definitions = definitions;
    this.clock = clock;
    this.refresh = refresh;
  }

  /**
   * @throws io.botburrow.agents.AgentStoreUnavailableException when the bucket cannot be listed
   */
  synchronized Map<String, List<ChannelSubscription>> subscriptions() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(readAt.plus(refresh))) {
      cached = read();
      readAt = now;
    }
    return cached;
  }

  private Map<String, List<ChannelSubscription>> read() {
    Map<String, List<ChannelSubscription>> all = new LinkedHashMap<>();
    for (String agent : definitions.listAgentNames()) {
      try {
        List<ChannelSubscription> subs = definitions.load(agent).config().triggers().channels();
        if (!subs.isEmpty()) {
          all.put(agent, subs);
        }
      } catch (AgentDefinitionException e) {
        LOG.debug("Agent(name={}) definition unreadable; its channels are left out: {}", agent, e.getMessage());
      }
    }
    return Map.copyOf(all);
  }
}
