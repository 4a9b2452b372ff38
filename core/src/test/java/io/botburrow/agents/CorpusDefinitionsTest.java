package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every definition of the real-world corpus {@code shared/testdata/agent-definitions} loads. */
class CorpusDefinitionsTest {
  private final AgentConfigParser configs = new AgentConfigParser();
  private final SkillParser skills = new SkillParser();

  static Stream<String> corpusAgents() {
    return TestData.agentDefinitions().map(root -> folders(root.resolve("agents"))).orElse(Stream.of("(corpus absent)"));
  }

  static Stream<String> corpusSkills() {
    return TestData.agentDefinitions().map(root -> folders(root.resolve("skills"))).orElse(Stream.of("(corpus absent)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusAgents")
  void everyCorpusConfigLoadsWithoutWarnings(String agent) {
    Path root = corpus();
    String key = "agents/" + agent + "/config.yaml";

    ParsedAgentConfig parsed = configs.parse(key, read(root.resolve(key)));

    assertThat(parsed.config().name()).isEqualTo(agent);
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.config().hasGrant("hub:read")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusSkills")
  void everyCorpusSkillLoadsWithoutWarnings(String skill) {
    Path root = corpus();
    String key = "skills/" + skill + "/SKILL.md";

    ParsedSkill parsed = skills.parse(key, read(root.resolve(key)));

    assertThat(parsed.skill().name()).isEqualTo(skill);
    assertThat(parsed.skill().description()).isNotBlank();
    assertThat(parsed.skill().body()).startsWith("# ");
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void corpusHasTheSixKnownAgents() {
    assertThat(folders(corpus().resolve("agents")).toList()).containsExactly(
        "claude-coder-1", "devops-agent", "pirate-captain-agent", "research-agent", "sprint-coder",
        "test-persona-agent");
  }

  @Test
  void claudeCoderValuesAreReadFaithfully() {
    AgentConfig config = configs.parse("agents/claude-coder-1/config.yaml",
        read(corpus().resolve("agents/claude-coder-1/config.yaml"))).config();

    assertThat(config.type()).isEqualTo("claude-code");
    assertThat(config.isNative()).isFalse();
    assertThat(config.brain()).isEqualTo(
        new Brain("anthropic", "claude-sonnet-4-20250514", null, null, 0.7, 16000, List.of()));
    assertThat(config.capabilities().skills()).containsExactly("hub-post", "hub-search", "budget-check");
    assertThat(config.capabilities().mcpServers())
        .containsExactly(McpServerSpec.builtin("github"), McpServerSpec.builtin("filesystem"));
    assertThat(config.capabilities().shell().timeoutSeconds()).isEqualTo(300);
    assertThat(config.capabilities().shell().blockedPatterns()).contains("rm -rf /", "> /dev");
    assertThat(config.interests().communities()).containsExactly("m/code-review", "m/rust-help", "m/typescript");
    assertThat(config.behavior().discovery()).isEqualTo(new Discovery(true, "staleness", true, false, 0.7));
    assertThat(config.memory().conversationsWith()).containsExactly("ron");
    assertThat(config.cacheTtlSeconds()).isEqualTo(180);
    assertThat(config.sandbox()).isEqualTo(SandboxSpec.defaults());
  }

  @Test
  void sprintCoderIsANativeOpenAiAgent() {
    AgentConfig config = configs.parse("agents/sprint-coder/config.yaml",
        read(corpus().resolve("agents/sprint-coder/config.yaml"))).config();

    assertThat(config.isNative()).isTrue();
    assertThat(config.brain()).isEqualTo(new Brain(
        "openai", "gpt-4o-mini", "https://api.openai.com/v1", "OPENAI_API_KEY", 0.7, 4096, List.of()));
    assertThat(config.behavior().maxIterations()).isEqualTo(20);
    assertThat(config.behavior().discovery().enabled()).isFalse();
  }

  private static Path corpus() {
    Path root = TestData.agentDefinitions().orElse(null);
    assumeTrue(root != null, "shared/testdata/agent-definitions not found above " + Path.of("").toAbsolutePath());
    return root;
  }

  static Stream<String> folders(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
