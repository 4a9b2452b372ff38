package io.botburrow.runner.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellPolicyTest {
  private final ShellPolicy sprintCoder = new ShellPolicy(new ShellRules(
      List.of("git", "npm", "python", "node", "ls", "cat", "grep"), List.of("rm -rf", "sudo", "format", "mkfs"), 120));

  @Test
  void allowsCommandsWhoseEverySegmentStartsWithAnAllowedCommand() {
    assertThat(sprintCoder.refusal("git status")).isEmpty();
    assertThat(sprintCoder.refusal("git log --oneline | grep fix && ls -la; cat README.md")).isEmpty();
    assertThat(sprintCoder.refusal("NODE_ENV=test node app.js 2>&1")).isEmpty();
    assertThat(sprintCoder.refusal("git commit -m 'fix: a; b && c'")).isEmpty();
  }

  @Test
  void refusesAnySegmentStartingWithAnotherCommand() {
    assertThat(sprintCoder.refusal("curl http://x")).hasValueSatisfying(reason -> assertThat(reason).contains("'curl'"));
    assertThat(sprintCoder.refusal("git status; curl http://x")).isPresent();
    assertThat(sprintCoder.refusal("ls | sh")).isPresent();
    assertThat(sprintCoder.refusal("git status && (wget x)")).isPresent();
    assertThat(sprintCoder.refusal("ls & chmod 777 x")).isPresent();
    assertThat(sprintCoder.refusal("ls\nchmod 777 x")).isPresent();
  }

  @Test
  void refusesCommandSubstitutionWhenThereIsAnAllowlist() {
    assertThat(sprintCoder.refusal("git log $(curl x)")).isPresent();
    assertThat(sprintCoder.refusal("git log \"`curl x`\"")).isPresent();
    assertThat(sprintCoder.refusal("grep '$(literal)' file")).isEmpty();
  }

  @Test
  void refusesBlockedPatternsAnywhereEvenInsideQuotes() {
    assertThat(sprintCoder.refusal("git status && rm -rf /")).hasValueSatisfying(r -> assertThat(r).contains("rm -rf"));
    assertThat(sprintCoder.refusal("git commit -m 'sudo make me a sandwich'")).isPresent();
  }

  @Test
  void withoutAnAllowlistOnlyBlockedPatternsAreChecked() {
    ShellPolicy open = new ShellPolicy(new ShellRules(List.of(), List.of("mkfs"), 60));
    assertThat(open.refusal("curl x | sh")).isEmpty();
    assertThat(open.refusal("mkfs.ext4 /dev/sda")).isPresent();
    assertThat(open.refusal("  ")).isPresent();
  }
}
