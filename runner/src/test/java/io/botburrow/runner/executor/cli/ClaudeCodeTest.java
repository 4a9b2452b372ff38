package io.botburrow.runner.executor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.runner.agent.StopReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeCodeTest {
  private final ClaudeCode claude = new ClaudeCode(new ObjectMapper());

  private static AgentConfig config(String capabilities) {
    return new AgentConfigParser().parse("config.yaml", """
        name: coder
        type: claude-code
        brain: {provider: anthropic, model: claude-sonnet-4-20250514, max_tokens: 4000}
        capabilities:
        """ + capabilities).config();
  }

  @Test
  void offersOnlyTheToolsTheGrantsAndShellPolicyAllow() {
    assertThat(claude.tools(config("  grants: [hub:read, hub:write]\n"))).isEmpty();
    assertThat(claude.tools(config("  grants: [filesystem:read]\n"))).containsExactly("Read", "Glob", "Grep");
    assertThat(claude.tools(config("""
          grants: [filesystem:write]
          shell: {enabled: true, allowed_commands: [git]}
        """))).containsExactly("Read", "Glob", "Grep", "Edit", "Write", "NotebookEdit", "Bash(git *)", "Bash(git)");
    assertThat(claude.tools(config("  shell: {enabled: true}\n"))).containsExactly("Bash");
  }

  @Test
  void blockedShellPatternsBecomeDenyRulesThatMatchAnywhereInACommand() {
    AgentConfig shell = config("""
          grants: [filesystem:read]
          shell: {enabled: true, allowed_commands: [git], blocked_patterns: ["rm -rf /", sudo, "a*b"]}
        """);
    assertThat(claude.denied(shell)).containsExactly("Bash(*rm -rf /*)", "Bash(*sudo*)", "Bash(*a\\*b*)");
    assertThat(claude.denied(config("  shell: {enabled: false, blocked_patterns: [sudo]}\n"))).isEmpty();

    List<String> argv = claude.command(new CliTask("hi", "", "m1", 1, 0, claude.tools(shell), List.of("/memory/private"),
        claude.denied(shell)));
    assertThat(argv).containsSequence("--disallowedTools", "Bash(*rm -rf /*),Bash(*sudo*),Bash(*a\\*b*)")
        .containsSequence("--add-dir", "/memory/private");
  }

  @Test
  void commandLineIsHeadlessWithTheDefinitionsLimitsAndNoOutsideSettings() {
    List<String> argv = claude.command(new CliTask("hello", "You are coder.", "m1", 7, 4000, List.of("Read", "Bash(git *)")));

    assertThat(argv).startsWith("claude", "-p", "hello", "--output-format", "stream-json", "--verbose");
    assertThat(String.join(" ", argv)).contains("--model m1", "--max-turns 7", "--strict-mcp-config",
        "--setting-sources user", "--append-system-prompt You are coder.", "--tools Read,Bash",
        "--allowedTools Read,Bash(git *)");
    assertThat(claude.command(new CliTask("hi", "", "m1", 1, 0, List.of()))).containsSequence("--tools", "")
        .doesNotContain("--allowedTools", "--append-system-prompt", "--disallowedTools", "--add-dir");
  }

  @Test
  void theMcpGatewaysServersAreTheOnlyOnesAndEachServedToolIsAllowedByName() throws Exception {
    CliMcpConfig mcp = new CliMcpConfig(java.util.Map.of("hub", "http://127.0.0.1:8788/mcp/hub"), "bbm1.t",
        java.util.Map.of("hub", List.of("hub_search", "hub_post")));
    List<String> argv = claude.command(new CliTask("hi", "", "m1", 3, 0, List.of("Read"), mcp));

    String config = argv.get(argv.indexOf("--mcp-config") + 1);
    var servers = new ObjectMapper().readTree(config).path("mcpServers");
    assertThat(servers.size()).isEqualTo(1);
    assertThat(servers.path("hub").path("type").asText()).isEqualTo("http");
    assertThat(servers.path("hub").path("url").asText()).isEqualTo("http://127.0.0.1:8788/mcp/hub");
    assertThat(servers.path("hub").path("headers").path("Authorization").asText()).isEqualTo("Bearer bbm1.t");
    assertThat(argv).contains("--strict-mcp-config");
    assertThat(argv.get(argv.indexOf("--allowedTools") + 1)).isEqualTo("Read,mcp__hub__hub_search,mcp__hub__hub_post");
    assertThat(claude.command(new CliTask("hi", "", "m1", 1, 0, List.of()))).doesNotContain("--mcp-config");
  }

  @Test
  void environmentHoldsTheActivationTokenAndTurnsOffEverythingThatLeavesTheSandbox() {
    var env = claude.environment("http://127.0.0.1:8787", "bbg1.token", new CliTask("p", "", "m", 1, 4000, List.of()));

    assertThat(env).containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:8787").containsEntry("ANTHROPIC_API_KEY", "bbg1.token")
        .containsEntry("DISABLE_AUTOUPDATER", "1").containsEntry("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .containsEntry("DISABLE_TELEMETRY", "1").containsEntry("CLAUDE_CODE_MAX_OUTPUT_TOKENS", "4000")
        .containsKey("HOME");
    assertThat(env.keySet()).allSatisfy(k -> assertThat(k).doesNotContain("AUTH_TOKEN"));
  }

  @Test
  void readsTheLastResultEventAndSkipsOtherLines() {
    String stdout = """
        {"type":"system","subtype":"init","tools":[]}
        not json at all
        {"type":"assistant","message":{"content":[{"type":"text","text":"partial"}]}}
        {"type":"result","subtype":"success","is_error":false,"num_turns":2,"result":"Ahoy, matey.","usage":{"input_tokens":999}}
        """;

    assertThat(claude.read(stdout)).contains(new CliOutput("Ahoy, matey.", StopReason.COMPLETED, 2, false));
    assertThat(claude.read("{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,\"num_turns\":3}"))
        .contains(new CliOutput("", StopReason.MAX_ITERATIONS, 3, false));
    assertThat(claude.read("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"result\":\"API Error: 401\"}"))
        .hasValueSatisfying(o -> assertThat(o.error()).isTrue());
    assertThat(claude.read("Segmentation fault\n")).isEmpty();
  }
}
