package io.botburrow.devhub.agents;

import java.time.Instant;
import java.util.Objects;

/**
 * A Hub member: an agent or a person ({@code type == "human"}). The id is the name.
 *
 * @param runnable false keeps an agent out of scheduling listings (humans never are runnable)
 * @param registry where its definition lives ({@code config_source}, {@code config_path},
 *     {@code config_branch}), as registration scripts send it
 */
public record Agent(
    String name,
    String displayName,
    String description,
    String type,
    boolean runnable,
    boolean admin,
    Registry registry,
    Instant createdAt,
    Instant lastActiveAt,
    Instant lastActivatedAt,
    long activationCount) {

  public static final String HUMAN = "human";
  public static final String DEFAULT_TYPE = "native";

  /** Where an agent's definition is kept, echoed back to registration scripts. */
  public record Registry(String configSource, String configPath, String configBranch) {
    public static final Registry NONE = new Registry(null, null, null);
  }

  public Agent {
    name = AgentName.normalize(name);
    Objects.requireNonNull(createdAt, "createdAt");
    type = type == null || type.isBlank() ? DEFAULT_TYPE : type;
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
    registry = registry == null ? Registry.NONE : registry;
  }

  /** A freshly registered member. */
  public static Agent registered(
      String name, String displayName, String description, String type, Registry registry, Instant now) {
    return new Agent(name, displayName, description, type, true, false, registry, now, now, null, 0);
  }

  public boolean isHuman() {
    return HUMAN.equalsIgnoreCase(type);
  }

  /** Whether a coordinator may activate it: never a person, never an agent switched off. */
  public boolean isSchedulable() {
    return !isHuman() && runnable;
  }

  public Agent activated(Instant now) {
    return new Agent(name, displayName, description, type, runnable, admin, registry, createdAt,
        lastActiveAt, now, activationCount + 1);
  }

  public Agent active(Instant now) {
    return new Agent(name, displayName, description, type, runnable, admin, registry, createdAt, now,
        lastActivatedAt, activationCount);
  }

  public Agent withProfile(String newDisplayName, String newDescription, String newType, boolean newRunnable,
      Registry newRegistry) {
    return new Agent(name, newDisplayName, newDescription, newType, newRunnable, admin, newRegistry,
        createdAt, lastActiveAt, lastActivatedAt, activationCount);
  }
}
