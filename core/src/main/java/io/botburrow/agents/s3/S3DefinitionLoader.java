package io.botburrow.agents.s3;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.agents.ParsedAgentConfig;
import io.botburrow.agents.ParsedSkill;
import io.botburrow.agents.Skill;
import io.botburrow.agents.SkillParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Snapshot} from the bucket, revalidating the objects of a previous snapshot with
 * their ETags so that unchanged objects are neither downloaded nor parsed again.
 */
final class S3DefinitionLoader {
  private final S3ObjectReader reader;
  private final AgentConfigParser configParser = new AgentConfigParser();
  private final SkillParser skillParser = new SkillParser();

  S3DefinitionLoader(S3ObjectReader reader) {
    this.reader = reader;
  }

  static String configKey(String agent) {
    return "agents/" + agent + "/config.yaml";
  }

  static String promptKey(String agent) {
    return "agents/" + agent + "/system-prompt.md";
  }

  static String skillKey(String skill) {
    return "skills/" + skill + "/SKILL.md";
  }

  /**
   * Loads {@code agent}; {@code previous} (or null) supplies ETags and parsed results to reuse.
   *
   * @throws AgentNotFoundException when config.yaml is missing
   * @throws InvalidAgentDefinitionException when config.yaml is invalid
   */
  Snapshot load(String agent, Snapshot previous, Instant now) {
    StoredObject config = fetch(configKey(agent), previous == null ? null : previous.config());
    if (config == null) {
      throw new AgentNotFoundException(agent);
    }
    List<String> warnings = new ArrayList<>();
    AgentConfig parsed;
    if (previous != null && config == previous.config()) {
      parsed = previous.definition().config();
      warnings.addAll(previous.warnings().stream().filter(w -> w.startsWith(config.key())).toList());
    } else {
      ParsedAgentConfig result = configParser.parse(config.key(), config.text());
      parsed = result.config();
      warnings.addAll(result.warnings());
    }
    StoredObject prompt = fetch(promptKey(agent), previous == null ? null : previous.prompt());
    Map<String, Snapshot.LoadedSkill> skills = loadSkills(parsed, previous, warnings);
    List<Skill> skillList = skills.values().stream()
        .map(Snapshot.LoadedSkill::skill)
        .filter(s -> s != null)
        .toList();
    String revision = revision(config, prompt, skills);
    AgentDefinition definition = previous != null && previous.definition().revision().equals(revision)
        ? previous.definition()
        : new AgentDefinition(parsed, prompt == null ? "" : prompt.text(), skillList, revision);
    return new Snapshot(definition, config, prompt, skills, warnings, now.plusSeconds(parsed.cacheTtlSeconds()));
  }

  private Map<String, Snapshot.LoadedSkill> loadSkills(AgentConfig config, Snapshot previous, List<String> warnings) {
    Map<String, Snapshot.LoadedSkill> loaded = new LinkedHashMap<>();
    for (String name : config.capabilities().skills()) {
      Snapshot.LoadedSkill before = previous == null ? null : previous.skills().get(name);
      StoredObject object = fetch(skillKey(name), before == null ? null : before.object());
      if (object == null) {
        warnings.add(skillKey(name) + ": not found, skill '" + name + "' skipped");
      } else if (before != null && object == before.object()) {
        loaded.put(name, before);
      } else {
        loaded.put(name, parseSkill(object, warnings));
      }
    }
    return loaded;
  }

  private Snapshot.LoadedSkill parseSkill(StoredObject object, List<String> warnings) {
    try {
      ParsedSkill parsed = skillParser.parse(object.key(), object.text());
      warnings.addAll(parsed.warnings());
      return new Snapshot.LoadedSkill(object, parsed.skill());
    } catch (InvalidAgentDefinitionException e) {
      // A broken skill must not take the agent down: it runs without that skill.
      warnings.add(e.getMessage() + " (skill skipped)");
      return new Snapshot.LoadedSkill(object, null);
    }
  }

  /** The current object: {@code previous} itself when unchanged, null when missing. */
  private StoredObject fetch(String key, StoredObject previous) {
    FetchResult result = reader.get(key, previous == null ? null : previous.etag());
    return switch (result) {
      case FetchResult.Found found -> found.object();
      case FetchResult.NotModified notModified -> previous;
      case FetchResult.Missing missing -> null;
    };
  }

  private static String revision(StoredObject config, StoredObject prompt, Map<String, Snapshot.LoadedSkill> skills) {
    StringBuilder text = new StringBuilder(config.key()).append('=').append(config.etag()).append('\n');
    text.append("prompt=").append(prompt == null ? "-" : prompt.etag()).append('\n');
    skills.forEach((name, skill) -> text.append(name).append('=').append(skill.object().etag()).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
