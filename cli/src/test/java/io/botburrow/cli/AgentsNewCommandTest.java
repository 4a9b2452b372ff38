package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.validation.DefinitionValidator;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.agents.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class AgentsNewCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"coder", "researcher", "writer"})
  void eachTemplateWritesADefinitionThatValidates(String template, @TempDir Path dir) {
    int exit = new CommandLine(new AgentsCommand()).execute("new", "my-" + template, "--template", template, "--dir", dir.toString());

    assertThat(exit).isZero();
    assertThat(dir.resolve("agents/my-" + template + "/system-prompt.md")).exists();
    ValidationReport report = new DefinitionValidator(RuntimeRules.DEFAULT).validate(dir);
    assertThat(report.passes(false)).as(report.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"poet --template sculptor", "X --template writer"})
  void refusesUnknownTemplatesAndBadNames(String args, @TempDir Path dir) throws Exception {
    String[] parts = (("new " + args + " --dir " + dir)).split(" ");

    assertThat(new CommandLine(new AgentsCommand()).execute(parts)).isEqualTo(AgentsCommand.USAGE);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
