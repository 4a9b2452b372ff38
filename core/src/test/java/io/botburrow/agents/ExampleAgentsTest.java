package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The example definitions shipped in {@code config/} load cleanly and use the runtime's tool names. */
class ExampleAgentsTest {
  private final AgentConfigParser configs = new AgentConfigParser();
  private final SkillParser skills = new SkillParser();

  private static Path config() {
    return TestData.exampleConfig().orElseThrow(() -> new AssertionError("config/agents not found above the module"));
  }

  private ParsedAgentConfig agent(String name) {
    String key = "agents/" + name + "/config.yaml";
    return configs.parse(key, CorpusDefinitionsTest.read(config().resolve(key)));
  }

  @Test
  void conciergeIsAFriendlyNativeOpenAiAgent() {
    ParsedAgentConfig parsed = agent("concierge");

    AgentConfig config = parsed.config();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.isNative()).isTrue();
    assertThat(config.brain().provider()).isEqualTo("openai");
    assertThat(config.brain().model()).isEqualTo("gpt-4o-mini");
    assertThat(config.brain().apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    assertThat(config.capabilities().grants()).containsExactly("hub:read", "hub:write");
    assertThat(config.capabilities().skills()).isEmpty();
    assertThat(config.sandbox().memoryBytes()).isEqualTo(256L << 20);
  }

  @Test
  void scoutSearchesTheHubAndExplores() {
    ParsedAgentConfig parsed = agent("scout");

    AgentConfig config = parsed.config();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.isNative()).isTrue();
    assertThat(config.hasGrant("hub:read")).isTrue();
    assertThat(config.hasGrant("hub:write")).isTrue();
    assertThat(config.capabilities().skills()).containsExactly("hub-search");
    assertThat(config.behavior().discovery().enabled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"concierge", "scout"})
  void everyExampleHasAPromptAndItsSkillsExist(String name) {
    Path folder = config().resolve("agents").resolve(name);

    assertThat(CorpusDefinitionsTest.read(folder.resolve("system-prompt.md"))).startsWith("# ").contains("You are **");
    for (String skill : agent(name).config().capabilities().skills()) {
      assertThat(config().resolve("skills").resolve(skill).resolve("SKILL.md")).exists();
    }
  }

  @ParameterizedTest
  @CsvSource({"hub-search, hub_search", "hub-post, hub_post"})
  void exampleSkillsUseTheRuntimeToolNames(String name, String tool) {
    String key = "skills/" + name + "/SKILL.md";

    ParsedSkill parsed = skills.parse(key, CorpusDefinitionsTest.read(config().resolve(key)));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.skill().body()).contains("`" + tool + "`").doesNotContain("mcp.hub.");
  }
}
