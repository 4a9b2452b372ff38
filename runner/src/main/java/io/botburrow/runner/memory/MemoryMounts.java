package io.botburrow.runner.memory;

import io.botburrow.agents.AgentConfig;
import io.botburrow.memory.MemoryStore;
import io.botburrow.memory.MemoryTooLargeException;
import io.botburrow.runner.sandbox.Sandbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's memory in its sandbox: its private memory (when {@code memory.enabled}) copied from the
 * bucket into the sandbox's read-write memory directory before it runs and written back after the
 * sandbox is gone, and the shared knowledge of each team the operator put it in
 * ({@code botburrow.memory.teams.<team>}) in the read-only one. The workspace is the sandbox's own,
 * fresh each activation.
 */
public final class MemoryMounts {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryMounts.class);
  /** A team's shared knowledge may be this large. */
  public static final long TEAM_MAX_BYTES = 1000L * 1024 * 1024;

  private final MemoryStore store;
  private final Map<String, List<String>> teams;
  private final MeterRegistry registry;
  private final String keyPrefix;

  /** @param teams team name to the agents in it, as the operator configured */
  public MemoryMounts(MemoryStore store, Map<String, List<String>> teams, MeterRegistry registry) {
    this(store, teams, registry, "");
  }

  private MemoryMounts(MemoryStore store, Map<String, List<String>> teams, MeterRegistry registry, String keyPrefix) {
    this.store = store;
    this.teams = Map.copyOf(teams);
    this.teams.keySet().forEach(team -> MemoryStore.checkName("team", team));
    this.registry = registry;
    this.keyPrefix = keyPrefix;
  }

  /**
   * The memory of one tenant's agents: private memory and team knowledge under {@code keyPrefix} of the bucket (the
   * tenant's bucket prefix), so that same-named agents of two tenants never share it.
   */
  public MemoryMounts under(String tenantPrefix) {
    return new MemoryMounts(store, teams, registry, tenantPrefix);
  }

  /** The teams {@code agent} is in. */
  public List<String> teamsOf(String agent) {
    return teams.entrySet().stream().filter(e -> e.getValue().contains(agent)).map(Map.Entry::getKey).sorted().toList();
  }

  /**
   * Fills the sandbox's memory directories for one activation of {@code config}'s agent.
   *
   * @throws io.botburrow.agents.AgentStoreUnavailableException when the bucket cannot be read
   */
  public Loaded load(AgentConfig config, Sandbox.Attachments attachments) {
    List<String> memberOf = teamsOf(config.name());
    for (String team : memberOf) {
      store.download(keyPrefix + MemoryStore.teamPrefix(team), attachments.teamMemory().resolve(team), false);
    }
    if (!config.memory().enabled()) {
      return new Loaded(config, memberOf, null);
    }
    var before = store.download(keyPrefix + MemoryStore.agentPrefix(config.name()), attachments.privateMemory(), true);
    LOG.debug("Agent(name={}) private memory: {} file(s), {} bytes", config.name(), before.files().size(), before.bytes());
    return new Loaded(config, memberOf, before);
  }

  /** What one activation's sandbox was given. */
  public final class Loaded {
    private final AgentConfig config;
    private final List<String> teams;
    private final MemoryStore.Snapshot before;

    private Loaded(AgentConfig config, List<String> teams, MemoryStore.Snapshot before) {
      this.config = config;
      this.teams = List.copyOf(teams);
      this.before = before;
    }

    /** Whether there is anything for the agent to be told of. */
    public boolean any() {
      return before != null || !teams.isEmpty();
    }

    /** The sandbox directories the agent may work in besides its workspace. */
    public List<String> directories() {
      List<String> dirs = new java.util.ArrayList<>();
      if (before != null) {
        dirs.add(Sandbox.PRIVATE_MEMORY);
      }
      teams.forEach(team -> dirs.add(Sandbox.TEAM_MEMORY + "/" + team));
      return dirs;
    }

    /** What the agent's prompt says of its memory. */
    public String prompt() {
      StringBuilder text = new StringBuilder("## Memory\n\n");
      if (before != null) {
        text.append("Files you write under ").append(Sandbox.PRIVATE_MEMORY)
            .append(" are kept for your next activations (at most ").append(config.memory().maxSizeMb())
            .append(" MB in all). Look there first for what you learned before.\n");
      }
      for (String team : teams) {
        text.append("Your team's shared knowledge, read-only: ").append(Sandbox.TEAM_MEMORY).append('/').append(team)
            .append('\n');
      }
      text.append("Everything else you write is gone when this activation ends.\n");
      return text.toString();
    }

    /**
     * Writes the private memory back; call once the sandbox's processes are gone. A memory over its
     * limit is not written (the previous one stays) and is counted; a bucket that refuses is logged.
     */
    public void save(Sandbox.Attachments attachments) {
      if (before == null) {
        return;
      }
      try {
        var saved = store.save(keyPrefix + MemoryStore.agentPrefix(config.name()), attachments.privateMemory(), before,
            config.memory().maxSizeMb() * 1024L * 1024L);
        LOG.info("Agent(name={}) private memory saved: {} file(s) written, {} deleted, {} bytes", config.name(),
            saved.written(), saved.deleted(), saved.bytes());
      } catch (MemoryTooLargeException e) {
        count(config.name(), "too_large");
        LOG.warn("Agent(name={}) private memory not saved: {} (memory.max_size_mb {}); the previous one is kept",
            config.name(), e.getMessage(), config.memory().maxSizeMb());
      } catch (RuntimeException e) {
        count(config.name(), "failed");
        LOG.warn("Agent(name={}) private memory not saved: {}", config.name(), e.toString());
      }
    }
  }

  private void count(String agent, String reason) {
    Counter.builder("botburrow_memory_not_saved_total").description("Private memories not written back, by reason")
        .tag("agent", agent).tag("reason", reason).register(registry).increment();
  }
}
