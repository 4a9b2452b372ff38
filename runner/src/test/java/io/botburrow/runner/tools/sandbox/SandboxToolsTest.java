package io.botburrow.runner.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxToolsTest {
  private final FakeSandbox sandbox = new FakeSandbox();
  private final ShellRules rules = new ShellRules(List.of("git", "ls"), List.of("rm -rf"), 5);

  @Test
  void offersToolsByShellFlagAndFilesystemGrants() {
    assertThat(SandboxToolOffer.decide(false, Set.of("hub:read"))).isEmpty();
    assertThat(SandboxToolOffer.decide(true, Set.of())).containsExactly(SandboxToolKind.SHELL);
    assertThat(SandboxToolOffer.decide(false, Set.of("filesystem:read")))
        .containsExactly(SandboxToolKind.READ_FILE, SandboxToolKind.LIST_FILES);
    assertThat(SandboxToolOffer.decide(true, Set.of("filesystem:write"))).containsExactly(
        SandboxToolKind.SHELL, SandboxToolKind.READ_FILE, SandboxToolKind.LIST_FILES, SandboxToolKind.WRITE_FILE);
    assertThat(SandboxToolOffer.needsSandbox(false, Set.of("github:read"))).isFalse();
  }

  @Test
  void createsNamedToolsForWhatIsOffered() {
    List<AgentTool> tools = SandboxTools.create(sandbox, true, Set.of("filesystem:read"), rules);
    assertThat(tools).extracting(tool -> tool.spec().name()).containsExactly("shell", "read_file", "list_files");
  }

  @Test
  void theShellToolRefusesWithoutRunningAnything() {
    ToolOutcome outcome = new ShellTool(sandbox, rules, 100).invoke("{\"command\":\"curl evil\"}");
    assertThat(outcome.isError()).isTrue();
    assertThat(outcome.content()).startsWith("refused: 'curl' is not an allowed command");
    assertThat(sandbox.commands).isEmpty();
  }

  @Test
  void theShellToolRunsAllowedCommandsWithShAndReportsTheirOutput() {
    sandbox.nextResult = new ExecResult(0, "main\n", "", false, false, false, false);
    ToolOutcome outcome = new ShellTool(sandbox, rules, 100).invoke("{\"command\":\"git branch\"}");
    assertThat(sandbox.commands).containsExactly("sh -c git branch");
    assertThat(outcome.isError()).isFalse();
    assertThat(outcome.content()).isEqualTo("exit code: 0\nstdout:\nmain\n");
  }

  @Test
  void theShellToolTellsTheModelWhichLimitKilledTheCommand() {
    sandbox.nextResult = new ExecResult(137, "", "", false, false, true, false);
    assertThat(new ShellTool(sandbox, rules, 100).invoke("{\"command\":\"ls\"}").content()).startsWith("killed: out of memory");
    sandbox.nextResult = new ExecResult(137, "", "", false, true, false, false);
    assertThat(new ShellTool(sandbox, rules, 100).invoke("{\"command\":\"ls\"}").content()).startsWith("killed: timed out after 5 s");
    sandbox.nextResult = new ExecResult(2, "", "can't fork", false, false, false, true);
    ToolOutcome forked = new ShellTool(sandbox, rules, 100).invoke("{\"command\":\"ls\"}");
    assertThat(forked.content()).startsWith("failed: the sandbox's process limit was reached");
    assertThat(forked.isError()).isTrue();
  }

  @Test
  void badArgumentsAreReportedToTheModel() {
    assertThat(new ShellTool(sandbox, rules, 100).invoke("{\"cmd\":1}").content()).contains("'command'");
    assertThat(new ShellTool(sandbox, rules, 100).invoke("not json").content()).contains("not a JSON object");
  }

  @Test
  void fileToolsWriteReadAndListInsideTheWorkspaceOnly() {
    ToolOutcome written = new WriteFileTool(sandbox).invoke("{\"path\":\"src/a.txt\",\"content\":\"hello\"}");
    assertThat(written.content()).isEqualTo("wrote 5 bytes to /workspace/src/a.txt");
    assertThat(new ReadFileTool(sandbox, 100).invoke("{\"path\":\"src/a.txt\"}").content()).isEqualTo("hello");
    assertThat(new ReadFileTool(sandbox, 3).invoke("{\"path\":\"src/a.txt\"}").content())
        .isEqualTo("hel\n[file truncated after 3 bytes]");
    assertThat(new ListFilesTool(sandbox).invoke("{}").content()).isEqualTo("/workspace/src/a.txt  (5 bytes)\n");

    ToolOutcome escape = new ReadFileTool(sandbox, 100).invoke("{\"path\":\"../../etc/passwd\"}");
    assertThat(escape.isError()).isTrue();
    assertThat(escape.content()).contains("outside /workspace");
    assertThat(new WriteFileTool(sandbox).invoke("{\"path\":\"/etc/x\",\"content\":\"\"}").isError()).isTrue();
    assertThat(new String(sandbox.files.get("/workspace/src/a.txt"), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  private static final String CANARY = "canary-9b7e4f2a1c0d";
  private static final String BASE64 = java.util.Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));

  @Test
  void shellAndFileOutputShowTheModelNoKnownSecretNotEvenCutAtTheCap() {
    FakeSandbox sandbox = new FakeSandbox();
    sandbox.files.put("/workspace/secret.txt", ("token=" + CANARY).getBytes(StandardCharsets.UTF_8));
    sandbox.nextResult = new ExecResult(0, "out " + CANARY.substring(0, 12) + "\n[output truncated after 16 bytes]",
        "err " + BASE64, true, false, false, false);
    List<AgentTool> tools = SandboxTools.create(sandbox, true, Set.of("filesystem:read"), new ShellRules(List.of(), List.of(), 5), io.botburrow.secrets.Redactor.of(List.of(CANARY)));

    String shell = byName(tools, "shell").invoke("{\"command\":\"cat secret.txt\"}").content();
    String file = byName(tools, "read_file").invoke("{\"path\":\"secret.txt\"}").content();

    assertThat(shell).contains("stdout:\nout [REDACTED]\n[output truncated after 16 bytes]", "stderr:\nerr [REDACTED]")
        .doesNotContain(CANARY.substring(0, 12)).doesNotContain(BASE64);
    assertThat(file).isEqualTo("token=[REDACTED]");
  }

  private static AgentTool byName(List<AgentTool> tools, String name) {
    return tools.stream().filter(t -> t.spec().name().equals(name)).findFirst().orElseThrow();
  }
}
