package io.botburrow.devhub.agents;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The in-memory member registry: agents by name and API-key hashes to their owner. Thread-safe. */
@Singleton
@Requires(env = "hub")
public class AgentDirectory {
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();
  private final Map<String, String> ownerByKeyHash = new ConcurrentHashMap<>();

  /** Adds the member unless the name is taken; returns false when it is. */
  public boolean register(Agent agent, String keyHash) {
    if (agents.putIfAbsent(agent.name(), agent) != null) {
      return false;
    }
    ownerByKeyHash.put(keyHash, agent.name());
    return true;
  }

  /** Lets one more key act as {@code name}; earlier keys stay valid (several browser sessions). */
  public void addKey(String name, String keyHash) {
    ownerByKeyHash.put(keyHash, name);
  }

  /** Looks a member up by id or name, which are the same thing, in any case. */
  public Optional<Agent> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(agents.get(idOrName.trim().toLowerCase(Locale.ROOT)));
  }

  public Optional<Agent> findByKeyHash(String keyHash) {
    return Optional.ofNullable(ownerByKeyHash.get(keyHash)).flatMap(this::find);
  }

  /** Applies {@code change} atomically; empty when the member does not exist. */
  public Optional<Agent> update(String name, UnaryOperator<Agent> change) {
    return Optional.ofNullable(agents.computeIfPresent(name, (key, agent) -> change.apply(agent)));
  }

  /** Everyone, oldest registration first. */
  public List<Agent> all() {
    return agents.values().stream()
        .sorted(Comparator.comparing(Agent::createdAt).thenComparing(Agent::name))
        .toList();
  }

  public int size() {
    return agents.size();
  }
}
