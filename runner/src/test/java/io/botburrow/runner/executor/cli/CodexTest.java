package io.botburrow.runner.executor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.runner.agent.StopReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodexTest {
  private final Codex codex = new Codex(new ObjectMapper());

  private static AgentConfig config(String capabilities) {
    return new AgentConfigParser().parse("config.yaml", """
        name: coder
        type: codex
        brain: {provider: openai, model: gpt-5-codex, max_tokens: 4000}
        capabilities:
        """ + capabilities).config();
  }

  @Test
  void getsItsShellOnlyWhenTheShellPolicyAllowsEveryCommand() {
    assertThat(codex.tools(config("  grants: [hub:read, filesystem:write]\n"))).isEmpty();
    assertThat(codex.tools(config("  shell: {enabled: true, allowed_commands: [git]}\n"))).isEmpty();
    assertThat(codex.tools(config("  shell: {enabled: true}\n"))).containsExactly("exec_command");
  }

  @Test
  void commandLineRunsCodexExecWithJsonEventsAfterWritingItsConfiguration() {
    List<String> argv = codex.command(new CliTask("-hello", "You are coder.", "m1", 7, 4000, List.of()));

    assertThat(argv).startsWith("sh", "-c", Codex.LAUNCH, "codex", "codex", "exec", "--json");
    assertThat(argv).endsWith("--model", "m1", "--", "-hello");
    assertThat(argv).contains("--skip-git-repo-check", "--ephemeral");
    assertThat(Codex.LAUNCH).contains("> \"$CODEX_HOME/config.toml\"", "< /dev/null");
  }

  @Test
  void environmentHoldsTheActivationTokenAndAConfigurationThatPointsOnlyAtTheGateway() {
    var env = codex.environment("http://127.0.0.1:8787", "bbg1.token",
        new CliTask("", "You are \"coder\".\nBe brief.", "m1", 1, 4000, List.of("exec_command")));

    assertThat(env).containsEntry(Codex.TOKEN_ENV, "bbg1.token").containsEntry("CODEX_HOME", "/tmp/home/.codex")
        .containsEntry("HOME", "/tmp/home");
    var toml = env.get(Codex.CONFIG_ENV);
    assertThat(toml).contains("model = \"m1\"", "model_provider = \"botburrow\"", "approval_policy = \"never\"",
        "sandbox_mode = \"danger-full-access\"", "web_search = \"disabled\"",
        "developer_instructions = \"You are \\\"coder\\\".\\nBe brief.\"", "[model_providers.botburrow]",
        "base_url = \"http://127.0.0.1:8787/v1\"", "env_key = \"BOTBURROW_GATEWAY_TOKEN\"", "wire_api = \"responses\"",
        "shell_tool = true", "enable_request_compression = false", "[skills.bundled]\nenabled = false");
    assertThat(toml).doesNotContain("bbg1.token");
    assertThat(codex.environment("http://x", "t", new CliTask("", "", "m", 1, 0, List.of())).get(Codex.CONFIG_ENV))
        .contains("shell_tool = false").doesNotContain("developer_instructions");
  }

  @Test
  void readsTheLastAgentMessageOfACompletedTurn() {
    String stdout = """
        {"type":"thread.started","thread_id":"t1"}
        {"type":"item.completed","item":{"id":"item_0","type":"error","message":"Model metadata for `m1` not found."}}
        {"type":"turn.started"}
        WARNING: something on stdout
        {"type":"item.completed","item":{"id":"item_1","type":"command_execution","command":"ls","exit_code":0}}
        {"type":"item.completed","item":{"id":"item_2","type":"agent_message","text":"Ahoy, matey."}}
        {"type":"turn.completed","usage":{"input_tokens":20,"output_tokens":6}}
        """;

    assertThat(codex.read(stdout)).contains(new CliOutput("Ahoy, matey.", StopReason.COMPLETED, 2, false));
  }

  @Test
  void aFailedTurnIsAnErrorAndACrashOrGarbageIsNoAnswer() {
    String failed = """
        {"type":"turn.started"}
        {"type":"error","message":"Quota exceeded."}
        {"type":"turn.failed","error":{"message":"Quota exceeded. Check your plan."}}
        """;

    assertThat(codex.read(failed)).contains(new CliOutput("Quota exceeded. Check your plan.", StopReason.COMPLETED, 1, true));
    assertThat(codex.read("{\"type\":\"error\",\"message\":\"stream disconnected\"}"))
        .hasValueSatisfying(o -> assertThat(o.error()).isTrue());
    assertThat(codex.read("{\"type\":\"turn.started\"}\n{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"half\"}}"))
        .isEmpty();
    assertThat(codex.read("Segmentation fault\n{not json\n[1,2]\n")).isEmpty();
    assertThat(codex.read("")).isEmpty();
  }
}
