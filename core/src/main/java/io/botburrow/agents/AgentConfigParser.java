package io.botburrow.agents;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.botburrow.triggers.Triggers;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and validates {@code config.yaml} (agent-definitions schema v1.0.0 plus the runtime's additive
 * fields). Lenient on unknown fields, which become warnings (unknown top-level fields are also kept in
 * {@link AgentConfig#extensions()}); strict on required fields, types, enums, ranges and patterns.
 * Thread-safe and stateless.
 */
public final class AgentConfigParser {
  /** Top-level blocks kept for adapters still to come, without a warning ({@code messaging} of a Rig character). */
  private static final java.util.Set<String> KEPT_EXTENSIONS = java.util.Set.of("messaging");
  private static final Pattern SEMVER = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");

  private final ObjectMapper yaml;

  public AgentConfigParser() {
    this.yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * Parses one config.
   *
   * @param source the object key or path, e.g. {@code agents/foo/config.yaml}; named in every message.
   *     When it has a parent folder, {@code name} must equal that folder's name.
   * @param text the YAML
   * @throws InvalidAgentDefinitionException naming {@code source} and the field at fault
   */
  public ParsedAgentConfig parse(String source, String text) {
    JsonNode root = readTree(yaml, source, text);
    List<String> warnings = new ArrayList<>();
    YamlReader top = new YamlReader(source, "", root, warnings, yaml);
    requireTopLevel(top);
    String name = top.string("name");
    top.checkFolder("name", name);
    String version = readVersion(top);
    String displayName = top.string("display_name");
    String description = top.string("description");
    String type = top.string("type");
    Brain brain = readBrain(top.object("brain"));
    Capabilities capabilities = CapabilitiesParser.read(top.object("capabilities"));
    Interests interests = readInterests(top.object("interests"));
    Behavior behavior = BehaviorParser.read(top.object("behavior"));
    Memory memory = readMemory(top.object("memory"));
    int cacheTtl = top.integer("cache_ttl", AgentConfig.DEFAULT_CACHE_TTL_SECONDS);
    SandboxSpec sandbox = readSandbox(top.object("sandbox"));
    Triggers triggers = TriggersParser.read(top);
    List<HttpToolSpec> httpTools = HttpToolsParser.read(top);
    Map<String, Object> extensions = top.unread();
    extensions.keySet().stream().filter(field -> !KEPT_EXTENSIONS.contains(field))
        .forEach(field -> top.warn(field, "unknown field, kept as an extension"));
    AgentConfig config = top.build(() -> new AgentConfig(version, name, displayName, description, type, brain,
        capabilities, interests, behavior, memory, cacheTtl, sandbox, triggers, httpTools, extensions));
    return new ParsedAgentConfig(config, warnings);
  }

  private static void requireTopLevel(YamlReader top) {
    for (String required : List.of("name", "type", "brain", "capabilities")) {
      if (!top.has(required)) {
        throw top.error(required, "is required");
      }
    }
  }

  private static String readVersion(YamlReader top) {
    String version = top.string("version");
    if (version != null && !SEMVER.matcher(version).matches()) {
      top.warn("version", "'" + version + "' is not a semantic version like 1.0.0");
    }
    return version;
  }

  /** Parses YAML into a tree, reporting syntax errors with their line and column. */
  static JsonNode readTree(ObjectMapper yaml, String source, String text) {
    JsonNode root;
    try {
      root = yaml.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      throw new InvalidAgentDefinitionException(source, "", "malformed YAML" + describe(e), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidAgentDefinitionException(source, "", "is empty", null);
    }
    if (!root.isObject()) {
      throw new InvalidAgentDefinitionException(source, "", "must be a YAML mapping, was a " + root.getNodeType(), null);
    }
    return root;
  }

  /** " at line L, column C: problem", preferring SnakeYAML's precise problem mark when there is one. */
  private static String describe(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        Mark at = marked.getProblemMark();
        Mark context = marked.getContextMark();
        String started = marked.getContext() == null || context == null
            ? ""
            : " (" + marked.getContext() + " started at line " + (context.getLine() + 1) + ", column "
                + (context.getColumn() + 1) + ")";
        return " at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": "
            + oneLine(marked.getProblem()) + started;
      }
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return where + ": " + oneLine(e.getOriginalMessage());
  }

  private static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static Brain readBrain(YamlReader b) {
    if (!b.has("model")) {
      throw b.error(b.path("model"), "is required");
    }
    String provider = b.string("provider");
    String model = b.string("model");
    String apiBase = b.string("api_base");
    if (apiBase != null && !apiBase.matches("^https?://\\S+$")) {
      throw b.error(b.path("api_base"), "must be an http(s) URL, was '" + apiBase + "'");
    }
    String apiKeyEnv = b.string("api_key_env");
    double temperature = b.number("temperature", Brain.DEFAULT_TEMPERATURE);
    int maxTokens = b.integer("max_tokens", Brain.DEFAULT_MAX_TOKENS);
    List<String> fallbacks = b.strings("fallback_models");
    b.warnUnread();
    return b.build(() -> new Brain(provider, model, apiBase, apiKeyEnv, temperature, maxTokens, fallbacks));
  }

  private static Interests readInterests(YamlReader i) {
    if (i == null) {
      return Interests.none();
    }
    List<String> topics = i.strings("topics");
    List<String> communities = i.strings("communities");
    for (String community : communities) {
      if (!community.matches("^m/[a-z0-9-]+$")) {
        i.warn(i.path("communities"), "'" + community + "' is not a community name like m/general");
      }
    }
    List<String> keywords = i.strings("keywords");
    List<String> follow = i.strings("follow_agents");
    i.warnUnread();
    return i.build(() -> new Interests(topics, communities, keywords, follow));
  }

  private static Memory readMemory(YamlReader m) {
    if (m == null) {
      return Memory.disabled();
    }
    boolean enabled = m.bool("enabled", false);
    YamlReader remember = orEmpty(m, "remember");
    List<String> with = remember.strings("conversations_with");
    boolean projects = remember.bool("projects_worked_on", false);
    boolean decisions = remember.bool("decisions_made", false);
    boolean feedback = remember.bool("feedback_received", false);
    remember.warnUnread();
    int maxSize = m.integer("max_size_mb", Memory.DEFAULT_MAX_SIZE_MB);
    YamlReader retrieval = orEmpty(m, "retrieval");
    String strategy = retrieval.string("strategy");
    int items = retrieval.integer("max_context_items", Memory.DEFAULT_MAX_CONTEXT_ITEMS);
    double threshold = retrieval.number("relevance_threshold", Memory.DEFAULT_RELEVANCE_THRESHOLD);
    retrieval.warnUnread();
    m.warnUnread();
    return m.build(() -> new Memory(enabled, with, projects, decisions, feedback, maxSize, strategy, items, threshold));
  }

  private static SandboxSpec readSandbox(YamlReader s) {
    if (s == null) {
      return SandboxSpec.defaults();
    }
    String image = s.string("image");
    double cpus = s.number("cpus", SandboxSpec.DEFAULT_CPUS);
    long memory = s.size("memory", SandboxSpec.DEFAULT_MEMORY_BYTES);
    long pids = s.longInteger("pids_limit", SandboxSpec.DEFAULT_PIDS_LIMIT);
    long tmpfs = s.size("tmpfs_size", SandboxSpec.DEFAULT_TMPFS_BYTES);
    int timeout = s.integer("timeout_seconds", SandboxSpec.DEFAULT_TIMEOUT_SECONDS);
    s.warnUnread();
    return s.build(() -> new SandboxSpec(image, cpus, memory, pids, tmpfs, timeout));
  }

  /** The nested mapping, or an empty one so that defaults apply. */
  static YamlReader orEmpty(YamlReader parent, String field) {
    YamlReader child = parent.object(field);
    return child != null ? child : parent.of(parent.path(field), JsonNodeFactory.instance.objectNode());
  }
}
