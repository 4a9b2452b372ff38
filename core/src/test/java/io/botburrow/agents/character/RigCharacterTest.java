package io.botburrow.agents.character;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.HttpToolSpec;
import io.botburrow.agents.ParsedAgentConfig;
import io.botburrow.agents.TestData;
import io.botburrow.agents.validation.DefinitionValidator;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.agents.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigCharacterTest {
  private static final String MINIMAL = """
      {"name": "Helper Bot", "description": "Answers questions", "personality": "Kind and brief.",
       "llm": {"provider": "anthropic", "model": "claude-x", "fallbackModel": "claude-y"}}
      """;

  private static String conductorE() throws Exception {
    Optional<Path> dir = TestData.characters();
    assumeTrue(dir.isPresent(), "shared/testdata/character not found");
    return Files.readString(dir.get().resolve("conductor-e.json"));
  }

  @Test
  void conductorEConvertsToADefinitionThatValidatesWithoutErrors(@TempDir Path folder) throws Exception {
    RigCharacter.Converted c = RigCharacter.convert(conductorE(), null, RuntimeRules.DEFAULT.knownMcpServers());
    Path agent = Files.createDirectories(folder.resolve("agents").resolve(c.name()));
    Files.writeString(agent.resolve("config.yaml"), c.configYaml());
    Files.writeString(agent.resolve("system-prompt.md"), c.systemPrompt());

    ValidationReport report = new DefinitionValidator(RuntimeRules.DEFAULT).validate(folder);

    assertThat(report.passes(false)).as(report.problems().toString()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(c.name()).isEqualTo("conductor-e");
  }

  @Test
  void conductorEKeepsItsModelsToolsScheduleWebhookAndMessaging() throws Exception {
    RigCharacter.Converted c = RigCharacter.convert(conductorE(), null, RuntimeRules.DEFAULT.knownMcpServers());
    ParsedAgentConfig parsed = new AgentConfigParser().parse("agents/conductor-e/config.yaml", c.configYaml());
    AgentConfig config = parsed.config();

    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.displayName()).isEqualTo("Conductor-E");
    assertThat(config.description()).isEqualTo("Engineering rig coordinator");
    assertThat(config.brain().model()).isEqualTo("claude-opus-4-6");
    assertThat(config.brain().fallbackModels()).containsExactly("claude-sonnet-4-6");
    assertThat(config.brain().maxTokens()).isEqualTo(8192);
    assertThat(config.capabilities().mcpServers()).extracting(s -> s.name()).containsExactly("github");
    assertThat(config.capabilities().grants()).contains("github:read");
    HttpToolSpec events = config.httpTools().getFirst();
    assertThat(events.name()).isEqualTo("event-store");
    assertThat(events.baseUrl()).hasToString("http://conductor-e-api:8080");
    assertThat(events.endpoints()).extracting(HttpToolSpec.Endpoint::method, HttpToolSpec.Endpoint::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/api/events"),
            org.assertj.core.groups.Tuple.tuple("GET", "/api/queue"), org.assertj.core.groups.Tuple.tuple("GET", "/api/agents"));
    assertThat(config.triggers().schedules()).singleElement().satisfies(s -> {
      assertThat(s.cron()).hasToString("*/1 * * * *");
      assertThat(s.timezone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(s.prompt()).startsWith("Run the coordination loop");
    });
    assertThat(config.triggers().webhook("github")).hasValueSatisfying(w -> {
      assertThat(w.events()).containsExactly("issues", "pull_request", "check_run");
      assertThat(w.secretEnv()).isEqualTo("CONDUCTOR_E_GITHUB_WEBHOOK_SECRET");
      assertThat(w.prompt()).isEqualTo("Process this GitHub event: {{payload}}");
    });
    assertThat(config.extensions()).containsKey("messaging");
    assertThat(c.systemPrompt()).isEqualTo(
        "You are Conductor-E, engineering rig coordinator.\n\nPrecise, efficient coordinator. Speaks in short, factual messages.\n");
    assertThat(c.configYaml()).doesNotContain("openclaw.gateway").doesNotContain("npx");
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("llm.endpoint"))
        .anySatisfy(n -> assertThat(n).contains("/hooks/conductor-e/github"));
  }

  @Test
  void aMinimalCharacterConvertsAndUnknownMcpServersAreLeftOutWithANote() {
    String json = MINIMAL.replace("}}", "}, \"tools\": [{\"type\": \"mcp\", \"name\": \"jira\", \"command\": \"jira-mcp\"}]}");

    RigCharacter.Converted c = RigCharacter.convert(json, null, RuntimeRules.DEFAULT.knownMcpServers());
    AgentConfig config = new AgentConfigParser().parse("config.yaml", c.configYaml()).config();

    assertThat(config.name()).isEqualTo("helper-bot");
    assertThat(config.brain().provider()).isEqualTo("anthropic");
    assertThat(config.capabilities().mcpServers()).isEmpty();
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("'jira' left out"));
  }

  @Test
  void somethingThatIsNotACharacterIsRefused() {
    assertThatThrownBy(() -> RigCharacter.convert("[1, 2]", null, RuntimeRules.DEFAULT.knownMcpServers()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> RigCharacter.convert("{nope", null, RuntimeRules.DEFAULT.knownMcpServers()))
        .hasMessageContaining("not JSON");
  }
}
