package io.botburrow.agents.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionValidatorTest {
  private static final String POET = """
      version: "1.0.0"
      name: poet
      type: native
      brain:
        provider: openai
        model: gpt-4o-mini
        temperature: 0.7
      capabilities:
        grants: [hub:read, hub:write]
        mcp_servers:
          - hub
      behavior:
        max_iterations: 4
      """;
  private static final String SKILL = """
      ---
      name: haiku
      description: Writes haiku
      version: 1.0.0
      ---

      # Haiku
      """;

  private final DefinitionValidator validator = new DefinitionValidator(RuntimeRules.DEFAULT);

  @Test
  void soundNativeAgentHasNoProblems() {
    assertThat(validator.validateAgent("agents/poet/config.yaml", POET)).isEmpty();
  }

  @Test
  void malformedYamlIsReportedOnTheParsersLine() {
    String broken = POET.replace("  model: gpt-4o-mini", "  model: [gpt-4o-mini");

    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", broken);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.line()).isBetween(6, 8);
      assertThat(p.toString()).startsWith("agents/poet/config.yaml:" + p.line() + ": malformed YAML: ");
    });
  }

  @Test
  void duplicateKeyIsMalformed() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET + "name: poet\n");

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("malformed YAML", "name"));
  }

  @Test
  void schemaViolationNamesTheFieldOnItsLine() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET.replace("temperature: 0.7", "temperature: 5"));

    assertThat(problems).extracting(Problem::toString)
        .containsExactly("agents/poet/config.yaml:7: brain.temperature: must have a maximum value of 2");
  }

  @Test
  void missingRequiredFieldIsReportedOnItsParentsLine() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET.replace("  model: gpt-4o-mini\n", ""));

    assertThat(problems).extracting(Problem::toString).containsExactly("agents/poet/config.yaml:4: brain.model: is required");
  }

  @Test
  void unknownFieldIsAWarningLikeTheLenientRuntimeReader() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET.replace("  temperature: 0.7", "  temperature: 0.7\n  colour: red"));

    assertThat(problems).extracting(Problem::toString)
        .containsExactly("agents/poet/config.yaml:8: warning: brain.colour: unknown field, not in the schema");
    assertThat(new ValidationReport(problems, 1, 0).passes(false)).isTrue();
  }

  @Test
  void runtimeExtensionsAreNeitherUnknownNorWarnedAbout() {
    String extended = POET.replace("  temperature: 0.7", "  temperature: 0.7\n  fallback_models: [gpt-4o]")
        .replace("    - hub", "    - hub\n    - {name: weather, image: example/weather-mcp:1, command: serve}")
        .replace("  max_iterations: 4", "  max_iterations: 4\n  limits:\n    max_tokens_per_activation: 20000")
        + "sandbox:\n  memory: 256m\n  cpus: 0.5\n";

    assertThat(validator.validateAgent("agents/poet/config.yaml", extended)).isEmpty();
  }

  @Test
  void runtimeParserStillRefusesWhatTheSchemaCannotSee() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET + "sandbox:\n  memory: lots\n");

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(15);
      assertThat(p.message()).startsWith("sandbox.memory: ");
    });
  }

  @Test
  void nameMustEqualTheFolder() {
    assertThat(validator.validateAgent("agents/bard/config.yaml", POET)).extracting(Problem::toString)
        .containsExactly("agents/bard/config.yaml:2: name: 'poet' must equal the folder name 'bard'");
  }

  @Test
  void unknownMcpServerIsAnErrorOnItsLine() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET.replace("    - hub", "    - hub\n    - kubernetes"));

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.toString()).startsWith("agents/poet/config.yaml:12: capabilities.mcp_servers[1]: unknown MCP server 'kubernetes'");
      assertThat(p.forceable()).isFalse();
    });
  }

  @Test
  void typeTheRunnersCannotRunIsAnErrorThatForceOverrides() {
    List<Problem> problems = validator.validateAgent("agents/poet/config.yaml", POET.replace("type: native", "type: aider"));

    assertThat(problems).extracting(Problem::toString).containsExactly(
        "agents/poet/config.yaml:3: type: 'aider' cannot run on these runners (they run: claude-code, codex, native); --force uploads it anyway");
    ValidationReport report = new ValidationReport(problems, 1, 0);
    assertThat(report.passes(false)).isFalse();
    assertThat(report.passes(true)).isTrue();
  }

  @Test
  void aRunnerThatLearnsATypeAcceptsIt() {
    DefinitionValidator withAider = new DefinitionValidator(RuntimeRules.DEFAULT.withRunnableType("aider"));

    assertThat(withAider.validateAgent("agents/poet/config.yaml", POET.replace("type: native", "type: aider"))).isEmpty();
  }

  @Test
  void skillProblemsCountTheFrontMatterOpeningLine() {
    List<Problem> problems = validator.validateSkill("skills/haiku/SKILL.md", SKILL.replace("version: 1.0.0", "version: one"));

    assertThat(problems).extracting(Problem::toString)
        .containsExactly("skills/haiku/SKILL.md:4: version: does not match the regex pattern ^\\d+\\.\\d+\\.\\d+$");
  }

  @Test
  void skillWithoutFrontMatterIsAnErrorOnLineOne() {
    assertThat(validator.validateSkill("skills/haiku/SKILL.md", "# Haiku\n")).extracting(Problem::line).containsExactly(1);
  }

  @Test
  void folderReportCoversEveryAgentAndSkillAndMissingFiles(@TempDir Path dir) throws IOException {
    write(dir.resolve("agents/poet/config.yaml"), POET.replace("type: native", "type: goose"));
    Files.createDirectories(dir.resolve("agents/empty"));
    write(dir.resolve("skills/haiku/SKILL.md"), SKILL);

    ValidationReport report = validator.validate(dir);

    assertThat(report.problems()).extracting(Problem::toString).containsExactly(
        "agents/empty/config.yaml:1: missing: every folder under agents/ needs a config.yaml",
        "agents/poet/config.yaml:3: type: 'goose' cannot run on these runners (they run: claude-code, codex, native); --force uploads it anyway");
    assertThat(report.summary()).isEqualTo("2 errors, 0 warnings in 2 agents and 1 skill");
    assertThat(report.passes(true)).isFalse();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
