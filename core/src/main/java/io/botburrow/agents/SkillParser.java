package io.botburrow.agents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code SKILL.md}: YAML front-matter between {@code ---} lines, then Markdown. Strict on the
 * front-matter fields the runtime relies on ({@code name}, {@code description}, grant patterns),
 * lenient on the rest. Thread-safe and stateless.
 */
public final class SkillParser {
  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern EMPTY_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)");

  private final ObjectMapper yaml;

  public SkillParser() {
    this.yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * Parses one skill.
   *
   * @param source object key or path, e.g. {@code skills/hub-search/SKILL.md}; when it has a parent
   *     folder, the front-matter {@code name} must equal that folder's name
   * @param text the whole file
   * @throws InvalidAgentDefinitionException naming {@code source} and the field at fault
   */
  public ParsedSkill parse(String source, String text) {
    String content = text == null ? "" : text;
    Matcher m = FRONT_MATTER.matcher(content);
    if (EMPTY_FRONT_MATTER.matcher(content).lookingAt() || !m.lookingAt()) {
      throw new InvalidAgentDefinitionException(source, "", "must start with YAML front-matter between '---' lines", null);
    }
    JsonNode root = AgentConfigParser.readTree(yaml, source, m.group(1));
    String body = content.substring(m.end()).replaceFirst("\\A(\\r?\\n)+", "");
    List<String> warnings = new ArrayList<>();
    YamlReader r = new YamlReader(source, "", root, warnings, yaml);
    for (String required : List.of("name", "description")) {
      if (!r.has(required)) {
        throw r.error(required, "is required");
      }
    }
    String name = r.string("name");
    r.checkFolder("name", name);
    String description = r.string("description");
    if (description.length() > 200) {
      r.warn("description", "longer than 200 characters");
    }
    List<String> grants = r.strings("requires_grants");
    r.build(() -> Checks.eachMatches("requires_grants", grants, Checks.GRANT));
    r.strings("requires_cli");
    r.string("version");
    r.string("author");
    readTriggers(r.object("triggers"));
    r.object("mcp");
    r.warnUnread();
    @SuppressWarnings("unchecked")
    Map<String, Object> frontMatter = yaml.convertValue(root, Map.class);
    Skill skill = r.build(() -> new Skill(name, description, body, frontMatter));
    return new ParsedSkill(skill, warnings);
  }

  private static void readTriggers(YamlReader t) {
    if (t == null) {
      return;
    }
    t.strings("keywords");
    for (String community : t.strings("communities")) {
      if (!community.matches("^m/[a-z0-9-]+$")) {
        t.warn(t.path("communities"), "'" + community + "' is not a community name like m/general");
      }
    }
    t.warnUnread();
  }
}
