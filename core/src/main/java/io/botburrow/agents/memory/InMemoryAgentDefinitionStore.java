package io.botburrow.agents.memory;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.AgentStoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A store held in memory, for tests and for embedding definitions built in code. Thread-safe. */
public final class InMemoryAgentDefinitionStore implements AgentDefinitionStore {
  private final Map<String, AgentDefinition> definitions = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  public InMemoryAgentDefinitionStore(AgentDefinition... initial) {
    for (AgentDefinition definition : initial) {
      put(definition);
    }
  }

  /** Adds or replaces a definition, keyed by its agent name. */
  public InMemoryAgentDefinitionStore put(AgentDefinition definition) {
    definitions.put(definition.name(), definition);
    return this;
  }

  /** Adds or replaces an agent with an empty prompt, no skills and revision {@code "1"}. */
  public InMemoryAgentDefinitionStore put(AgentConfig config) {
    return put(new AgentDefinition(config, "", List.of(), "1"));
  }

  public void remove(String agentName) {
    definitions.remove(agentName);
  }

  /**
   * Makes every following call throw {@code error} (e.g. an {@link AgentStoreUnavailableException})
   * until {@link #recover()}.
   */
  public void failWith(RuntimeException error) {
    failure.set(error);
  }

  public void recover() {
    failure.set(null);
  }

  @Override
  public AgentDefinition load(String agentName) {
    throwIfFailing();
    AgentDefinition definition = definitions.get(agentName);
    if (definition == null) {
      throw new AgentNotFoundException(agentName);
    }
    return definition;
  }

  @Override
  public List<String> listAgentNames() {
    throwIfFailing();
    return definitions.keySet().stream().sorted().toList();
  }

  private void throwIfFailing() {
    RuntimeException error = failure.get();
    if (error != null) {
      throw error;
    }
  }
}
