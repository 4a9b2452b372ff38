package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigParserTest {
  private static final String KEY = "agents/helper/config.yaml";
  private static final String MINIMAL = """
      name: helper
      type: native
      brain:
        model: gpt-4o-mini
      capabilities: {}
      """;

  private final AgentConfigParser parser = new AgentConfigParser();

  private AgentConfig parse(String yaml) {
    return parser.parse(KEY, yaml).config();
  }

  @Test
  void minimalConfigLoadsWithDefaults() {
    ParsedAgentConfig parsed = parser.parse(KEY, MINIMAL);

    AgentConfig config = parsed.config();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.name()).isEqualTo("helper");
    assertThat(config.displayName()).isEqualTo("helper");
    assertThat(config.isNative()).isTrue();
    assertThat(config.brain()).isEqualTo(Brain.of("gpt-4o-mini"));
    assertThat(config.brain().modelChain()).containsExactly("gpt-4o-mini");
    assertThat(config.capabilities()).isEqualTo(Capabilities.none());
    assertThat(config.behavior()).isEqualTo(Behavior.defaults());
    assertThat(config.memory()).isEqualTo(Memory.disabled());
    assertThat(config.sandbox()).isEqualTo(SandboxSpec.defaults());
    assertThat(config.cacheTtlSeconds()).isEqualTo(300);
  }

  @Test
  void readsEveryDocumentedField() {
    AgentConfig config = parse("""
        version: "1.0.0"
        name: helper
        display_name: Helper
        description: Helps
        type: claude-code
        brain: {provider: openai, model: gpt-4o, api_base: "http://127.0.0.1:9000/v1", api_key_env: MY_KEY,
                temperature: 0.2, max_tokens: 2000, fallback_models: [gpt-4o-mini]}
        capabilities:
          grants: [hub:read, github:read:org]
          skills: [hub-search]
          mcp_servers:
            - github
            - {name: files, image: mcp/files:1, command: node, args: [server.js], env: {ROOT: /data}}
          shell: {enabled: true, allowed_commands: [git], blocked_patterns: [sudo], timeout_seconds: 30}
          spawning: {can_propose: true, allowed_templates: [researcher]}
        interests: {topics: [rust], communities: [m/rust], keywords: [bug], follow_agents: [ron]}
        behavior:
          respond_to_dms: false
          max_iterations: 5
          discovery: {enabled: true, frequency: hourly, respond_to_questions: true, min_confidence: 0.5}
          limits: {max_daily_posts: 1, max_daily_comments: 2, max_responses_per_thread: 3, min_interval_seconds: 4,
                   max_tokens_per_activation: 5000}
        memory:
          enabled: true
          remember: {conversations_with: [ron], decisions_made: true}
          max_size_mb: 10
          retrieval: {strategy: recent, max_context_items: 3, relevance_threshold: 0.4}
        cache_ttl: 60
        sandbox: {image: "my/sandbox:2", cpus: 0.5, memory: 1g, pids_limit: 64, tmpfs_size: 16m, timeout_seconds: 90}
        """);

    assertThat(config.brain()).isEqualTo(
        new Brain("openai", "gpt-4o", "http://127.0.0.1:9000/v1", "MY_KEY", 0.2, 2000, List.of("gpt-4o-mini")));
    assertThat(config.capabilities().mcpServers()).containsExactly(
        McpServerSpec.builtin("github"),
        new McpServerSpec("files", "mcp/files:1", "node", List.of("server.js"), Map.of("ROOT", "/data")));
    assertThat(config.capabilities().shell()).isEqualTo(new ShellPolicy(true, List.of("git"), List.of("sudo"), 30));
    assertThat(config.capabilities().spawning()).isEqualTo(new Spawning(true, List.of("researcher")));
    assertThat(config.hasGrant("github:read:org")).isTrue();
    assertThat(config.interests()).isEqualTo(new Interests(List.of("rust"), List.of("m/rust"), List.of("bug"), List.of("ron")));
    assertThat(config.behavior()).isEqualTo(new Behavior(true, true, false, 5,
        new Discovery(true, "hourly", true, false, 0.5), new Limits(1, 2, 3, 4, 5000)));
    assertThat(config.memory()).isEqualTo(new Memory(true, List.of("ron"), false, true, false, 10, "recent", 3, 0.4));
    assertThat(config.cacheTtlSeconds()).isEqualTo(60);
    assertThat(config.sandbox()).isEqualTo(new SandboxSpec("my/sandbox:2", 0.5, 1L << 30, 64, 16L << 20, 90));
  }

  @Test
  void legacyRunnerOnlyFieldsLoadWithWarningsNamingTheirPath() {
    ParsedAgentConfig parsed = parser.parse(KEY, MINIMAL + """
        network: {enabled: true, allowed_hosts: [github.com]}
        r2_path: agents/helper
        behavior: {can_create_posts: true, max_daily_posts: 3}
        """);

    assertThat(parsed.warnings()).containsExactlyInAnyOrder(
        KEY + ": behavior.can_create_posts: unknown field, ignored",
        KEY + ": behavior.max_daily_posts: unknown field, ignored",
        KEY + ": network: unknown field, kept as an extension",
        KEY + ": r2_path: unknown field, kept as an extension");
    assertThat(parsed.config().extensions())
        .containsEntry("network", Map.of("enabled", true, "allowed_hosts", List.of("github.com")))
        .containsEntry("r2_path", "agents/helper");
  }

  @Test
  void versionThatIsNotSemanticIsAWarning() {
    ParsedAgentConfig parsed = parser.parse(KEY, "version: 1.0\n" + MINIMAL);

    assertThat(parsed.config().version()).isEqualTo("1.0");
    assertThat(parsed.warnings()).containsExactly(KEY + ": version: '1.0' is not a semantic version like 1.0.0");
  }

  @Test
  void repeatedGrantsAreDroppedWithAWarning() {
    ParsedAgentConfig parsed = parser.parse(KEY, MINIMAL.replace("capabilities: {}", "capabilities: {grants: [hub:read, hub:read]}"));

    assertThat(parsed.config().capabilities().grants()).containsExactly("hub:read");
    assertThat(parsed.warnings()).containsExactly(KEY + ": capabilities.grants: repeated items ignored");
  }

  @Test
  void malformedYamlNamesTheKeyLineAndColumn() {
    assertThatThrownBy(() -> parse("name: helper\ntype: native\nbrain: {model: [unclosed\n"))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage(KEY + ": malformed YAML at line 4, column 1: expected ',' or ']', but got <stream end>"
            + " (while parsing a flow sequence started at line 3, column 16)");
  }

  @Test
  void duplicateKeysAreMalformed() {
    assertThatThrownBy(() -> parse(MINIMAL + "name: other\n"))
        .hasMessageStartingWith(KEY + ": malformed YAML at line 6")
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void emptyOrNonMappingDocumentsAreRejected() {
    assertThatThrownBy(() -> parse("")).hasMessage(KEY + ": is empty");
    assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessage(KEY + ": must be a YAML mapping, was a ARRAY");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      name: helper          | name: ~                  | name: is required
      type: native          | type:                    | type: is required
      '  model: gpt-4o-mini'| '  temperature: 1'       | brain.model: is required
      'capabilities: {}'    | 'capabilities:'          | capabilities: is required
      """)
  void missingRequiredFieldsAreNamed(String original, String replacement, String expected) {
    String yaml = MINIMAL.replace(original, replacement);

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage(KEY + ": " + expected)
        .extracting(e -> ((InvalidAgentDefinitionException) e).retryable())
        .isEqualTo(false);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      type: native          | type: robot                      | type: must be one of [native, claude-code, codex, goose, aider, custom], was 'robot'
      '  model: gpt-4o-mini'| '  model: m\\n  provider: azure'  | brain.provider: must be one of [anthropic, openai, google, local], was 'azure'
      '  model: gpt-4o-mini'| '  model: m\\n  temperature: 2.5' | brain.temperature: must be between 0.0 and 2.0, was 2.5
      '  model: gpt-4o-mini'| '  model: m\\n  max_tokens: 50'   | brain.max_tokens: must be between 100 and 128000, was 50
      '  model: gpt-4o-mini'| '  model: m\\n  api_key_env: key' | brain.api_key_env: 'key' does not match ^[A-Z][A-Z0-9_]*$
      '  model: gpt-4o-mini'| '  model: m\\n  api_base: nope'   | brain.api_base: must be an http(s) URL, was 'nope'
      name: helper          | name: Helper                     | name: 'Helper' must equal the folder name 'helper'
      'capabilities: {}'    | 'capabilities: {grants: [hub:read, hub]}' | capabilities.grants[1]: 'hub' does not match ^[a-z0-9-]+:[a-z0-9-]+(:[a-z0-9-]+)?$
      'capabilities: {}'    | 'capabilities: {skills: [Hub_Search]}'    | capabilities.skills[0]: 'Hub_Search' does not match ^[a-z0-9-]+$
      'capabilities: {}'    | 'capabilities: {shell: {timeout_seconds: 0}}' | capabilities.shell.timeout_seconds: must be between 1 and 3600, was 0
      'capabilities: {}'    | 'capabilities: {mcp_servers: [{name: x}]}'    | capabilities.mcp_servers[0].command: is required (or an image)
      'capabilities: {}'    | 'capabilities: {mcp_servers: [{command: x}]}' | capabilities.mcp_servers[0].name: is required
      'capabilities: {}'    | 'capabilities: {mcp_servers: [7]}'            | capabilities.mcp_servers[0]: must be a server name or a {name, command} mapping
      'capabilities: {}'    | 'capabilities: {grants: hub:read}'            | capabilities.grants: must be a list, was a string
      'capabilities: {}'    | 'capabilities: {shell: {enabled: maybe}}'     | capabilities.shell.enabled: must be true or false, was 'maybe'
      'capabilities: {}'    | 'capabilities: {}\\nbehavior: {max_iterations: 51}'       | behavior.max_iterations: must be between 1 and 50, was 51
      'capabilities: {}'    | 'capabilities: {}\\nbehavior: {max_iterations: ten}'      | behavior.max_iterations: must be an integer, was 'ten'
      'capabilities: {}'    | 'capabilities: {}\\nbehavior: {discovery: {frequency: weekly}}' | behavior.discovery.frequency: must be one of [staleness, hourly, daily], was 'weekly'
      'capabilities: {}'    | 'capabilities: {}\\nbehavior: {discovery: {min_confidence: 1.5}}' | behavior.discovery.min_confidence: must be between 0.0 and 1.0, was 1.5
      'capabilities: {}'    | 'capabilities: {}\\nbehavior: {limits: {max_daily_posts: -1}}' | behavior.limits.max_daily_posts: must be at least 0, was -1
      'capabilities: {}'    | 'capabilities: {}\\nmemory: {retrieval: {strategy: vibes}}'     | memory.retrieval.strategy: must be one of [embedding_search, keyword, recent], was 'vibes'
      'capabilities: {}'    | 'capabilities: {}\\nmemory: {max_size_mb: 0}'                   | memory.max_size_mb: must be between 1 and 1000, was 0
      'capabilities: {}'    | 'capabilities: {}\\ncache_ttl: 10'                              | cache_ttl: must be between 30 and 3600, was 10
      'capabilities: {}'    | 'capabilities: {}\\nsandbox: {memory: lots}'                    | sandbox.memory: 'lots' is not a size like 512m, 1g or 65536
      'capabilities: {}'    | 'capabilities: {}\\nsandbox: {cpus: 0}'                         | sandbox.cpus: must be more than 0 and at most 64, was 0.0
      """)
  void constraintViolationsNameTheKeyAndTheField(String original, String replacement, String expected) {
    String yaml = MINIMAL.replace(original, replacement.replace("\\n", "\n"));

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage(KEY + ": " + expected);
  }

  @Test
  void sectionsMustBeMappings() {
    assertThatThrownBy(() -> parse("name: helper\ntype: native\nbrain: gpt-4o\ncapabilities: {}\n"))
        .hasMessage(KEY + ": brain: must be a mapping, was a string");
  }

  @Test
  void exceptionExposesSourceFieldAndProblem() {
    InvalidAgentDefinitionException error = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidAgentDefinitionException.class, () -> parse(MINIMAL.replace("  model: gpt-4o-mini", "  temperature: 1")));

    assertThat(error.source()).isEqualTo(KEY);
    assertThat(error.field()).isEqualTo("brain.model");
    assertThat(error.problem()).isEqualTo("is required");
  }

  @Test
  void sourceWithoutFolderSkipsTheFolderCheck() {
    assertThat(parser.parse("config.yaml", MINIMAL).config().name()).isEqualTo("helper");
  }
}
