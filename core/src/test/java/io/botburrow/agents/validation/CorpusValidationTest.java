package io.botburrow.agents.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.botburrow.agents.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus ({@code shared/testdata/agent-definitions}, beside the repository in CI) and the
 * repository's example agents pass validation.
 */
class CorpusValidationTest {
  private final DefinitionValidator validator = new DefinitionValidator(RuntimeRules.DEFAULT);

  @Test
  void everyCorpusDefinitionValidates() {
    Path corpus = corpus();

    ValidationReport report = validator.validate(corpus);

    assertThat(report.agents()).isEqualTo(6);
    assertThat(report.skills()).isEqualTo(3);
    assertThat(report.blocking(true)).as(report.problems().toString()).isEmpty();
    assertThat(report.blocking(false)).as(report.problems().toString()).isEmpty();
  }

  @Test
  void exampleAgentsValidateWithoutAnyProblem() {
    Path config = TestData.exampleConfig().orElseThrow();

    ValidationReport report = validator.validate(config);

    assertThat(report.agents()).isPositive();
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void bundledSchemasAreTheCorpusSchemas() throws IOException {
    Path schemas = corpus().resolve("schemas");
    for (String resource : new String[] {SchemaCheck.AGENT_CONFIG, SchemaCheck.SKILL}) {
      Path upstream = schemas.resolve(Path.of(resource).getFileName().toString());
      assertThat(SchemaCheck.bundled(resource)).as(resource)
          .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(upstream)));
    }
  }

  private static Path corpus() {
    Path root = TestData.agentDefinitions().orElse(null);
    assumeTrue(root != null, "skipped: shared/testdata/agent-definitions not found above " + Path.of("").toAbsolutePath()
        + " (CI has it beside the repository at ../shared)");
    return root;
  }
}
