package io.botburrow.agents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.botburrow.triggers.Triggers;

/**
 * An agent's {@code config.yaml} (agent-definitions schema v1.0.0 plus runtime extensions), with
 * defaults applied.
 *
 * @param version config schema version, e.g. {@code 1.0.0}; null when absent
 * @param name agent name == Hub id, {@code ^[a-z0-9-]+$}, 3 to 50 characters
 * @param displayName human-readable name; the name when absent
 * @param description what the agent is for; empty when absent
 * @param type executor: {@code native}, {@code claude-code}, {@code codex}, {@code goose}, {@code aider} or {@code custom}
 * @param brain the model
 * @param capabilities grants, skills, MCP servers, shell and spawning
 * @param interests what it explores
 * @param behavior when it responds and its limits
 * @param memory memory settings
 * @param cacheTtlSeconds how long a loaded definition is used before revalidation, 30 to 3600, default 300
 * @param sandbox container limits (runtime extension {@code sandbox:}), defaults when absent
 * @param triggers {@code schedules:}, {@code webhooks:} and {@code output:} (runtime extensions), none when absent
 * @param httpTools {@code http_tools:} (runtime extension), none when absent
 * @param extensions unknown top-level fields, kept as plain maps, lists and scalars (e.g. the legacy
 *     {@code network} block)
 */
public record AgentConfig(
    String version,
    String name,
    String displayName,
    String description,
    String type,
    Brain brain,
    Capabilities capabilities,
    Interests interests,
    Behavior behavior,
    Memory memory,
    int cacheTtlSeconds,
    SandboxSpec sandbox,
    Triggers triggers,
    List<HttpToolSpec> httpTools,
    Map<String, Object> extensions) {

  public static final List<String> TYPES = List.of("native", "claude-code", "codex", "goose", "aider", "custom");
  public static final int DEFAULT_CACHE_TTL_SECONDS = 300;

  public AgentConfig {
    Checks.matches("name", Checks.required("name", name), Checks.SLUG);
    if (name.length() < 3 || name.length() > 50) {
      throw new IllegalArgumentException("name: must be 3 to 50 characters, was " + name.length());
    }
    Checks.oneOf("type", Checks.required("type", type), TYPES);
    if (brain == null) {
      throw new IllegalArgumentException("brain: is required");
    }
    if (capabilities == null) {
      throw new IllegalArgumentException("capabilities: is required");
    }
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
    description = description == null ? "" : description;
    interests = interests == null ? Interests.none() : interests;
    behavior = behavior == null ? Behavior.defaults() : behavior;
    memory = memory == null ? Memory.disabled() : memory;
    Checks.range("cache_ttl", cacheTtlSeconds, 30, 3600);
    sandbox = sandbox == null ? SandboxSpec.defaults() : sandbox;
    triggers = triggers == null ? Triggers.none() : triggers;
    httpTools = httpTools == null ? List.of() : List.copyOf(httpTools);
    // YAML values may be null, which Map.copyOf rejects.
    extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** A config without triggers. */
  public AgentConfig(
      String version, String name, String displayName, String description, String type, Brain brain,
      Capabilities capabilities, Interests interests, Behavior behavior, Memory memory, int cacheTtlSeconds,
      SandboxSpec sandbox, Map<String, Object> extensions) {
    this(version, name, displayName, description, type, brain, capabilities, interests, behavior, memory,
        cacheTtlSeconds, sandbox, null, null, extensions);
  }

  /** A config without HTTP tools. */
  public AgentConfig(
      String version, String name, String displayName, String description, String type, Brain brain,
      Capabilities capabilities, Interests interests, Behavior behavior, Memory memory, int cacheTtlSeconds,
      SandboxSpec sandbox, Triggers triggers, Map<String, Object> extensions) {
    this(version, name, displayName, description, type, brain, capabilities, interests, behavior, memory,
        cacheTtlSeconds, sandbox, triggers, null, extensions);
  }

  /** A config with every optional part at its default. */
  public static AgentConfig of(String name, String type, Brain brain, Capabilities capabilities) {
    return new AgentConfig(
        null, name, null, null, type, brain, capabilities, null, null, null, DEFAULT_CACHE_TTL_SECONDS, null, null);
  }

  /** True when {@code grant} is listed exactly (no wildcard or prefix matching). */
  public boolean hasGrant(String grant) {
    return capabilities.grants().contains(grant);
  }

  /** True for the built-in tool-use loop ({@code type: native}). */
  public boolean isNative() {
    return "native".equals(type);
  }

  public AgentConfig withBrain(Brain newBrain) {
    return new AgentConfig(version, name, displayName, description, type, newBrain, capabilities, interests, behavior,
        memory, cacheTtlSeconds, sandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withCapabilities(Capabilities newCapabilities) {
    return new AgentConfig(version, name, displayName, description, type, brain, newCapabilities, interests, behavior,
        memory, cacheTtlSeconds, sandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withBehavior(Behavior newBehavior) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, interests, newBehavior,
        memory, cacheTtlSeconds, sandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withInterests(Interests newInterests) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, newInterests, behavior,
        memory, cacheTtlSeconds, sandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withSandbox(SandboxSpec newSandbox) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, interests, behavior,
        memory, cacheTtlSeconds, newSandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withCacheTtlSeconds(int newCacheTtlSeconds) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, interests, behavior,
        memory, newCacheTtlSeconds, sandbox, triggers, httpTools, extensions);
  }

  public AgentConfig withHttpTools(List<HttpToolSpec> newHttpTools) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, interests, behavior,
        memory, cacheTtlSeconds, sandbox, triggers, newHttpTools, extensions);
  }

  public AgentConfig withTriggers(Triggers newTriggers) {
    return new AgentConfig(version, name, displayName, description, type, brain, capabilities, interests, behavior,
        memory, cacheTtlSeconds, sandbox, newTriggers, httpTools, extensions);
  }
}
