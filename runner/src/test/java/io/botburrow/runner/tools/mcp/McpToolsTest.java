package io.botburrow.runner.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.runner.mcp.McpCallResult;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class McpToolsTest {

  /** A session answering every call with the tool name and arguments it received. */
  private static final class EchoSession implements McpSession {
    final List<String> calls = new ArrayList<>();
    private final String server;
    private final List<String> toolNames;

    EchoSession(String server, String... toolNames) {
      this.server = server;
      this.toolNames = List.of(toolNames);
    }

    @Override
    public String server() {
      return server;
    }

    @Override
    public List<McpToolInfo> tools() {
      return toolNames.stream().map(name -> new McpToolInfo(name, "does " + name, Map.of("type", "object"))).toList();
    }

    @Override
    public McpCallResult call(String tool, Map<String, Object> arguments) {
      calls.add(tool + " " + arguments);
      return new McpCallResult("x".repeat(50), tool.startsWith("fail"));
    }

    @Override
    public void close() {}
  }

  @Test
  void readGrantsOfferOnlyToolsThatDoNotSuggestWriting() {
    EchoSession filesystem = new EchoSession("filesystem", "read_text_file", "list_directory", "write_file",
        "edit_file", "move_file", "create_directory", "search_files");
    assertThat(McpTools.offered(List.of(filesystem), Set.of("filesystem:read")))
        .extracting(tool -> tool.spec().name())
        .containsExactly("filesystem__read_text_file", "filesystem__list_directory", "filesystem__search_files");
    assertThat(McpTools.offered(List.of(filesystem), Set.of("filesystem:write"))).hasSize(7);
  }

  @Test
  void aServerWithoutAnyGrantOffersNothing() {
    EchoSession memory = new EchoSession("memory", "read_graph");
    assertThat(McpTools.offered(List.of(memory), Set.of("filesystem:write", "hub:read"))).isEmpty();
  }

  @Test
  void camelCaseAndOtherVerbsAreRecognised() {
    assertThat(McpToolGrants.suggestsWriting("createIssue")).isTrue();
    assertThat(McpToolGrants.suggestsWriting("add_observations")).isTrue();
    assertThat(McpToolGrants.suggestsWriting("push_files")).isTrue();
    assertThat(McpToolGrants.suggestsWriting("get_file_contents")).isFalse();
    assertThat(McpToolGrants.allows(Set.of("brave:search"), "brave", "brave_web_search")).isTrue();
    assertThat(McpToolGrants.allows(Set.of("github:read"), "github", "create_pull_request")).isFalse();
  }

  @Test
  void toolNamesArePrefixedAndValidForLlmApis() {
    assertThat(McpToolNames.of("filesystem", "read_file")).isEqualTo("filesystem__read_file");
    assertThat(McpToolNames.of("my-server", "tool.with spaces")).isEqualTo("my-server__tool_with_spaces");
    String longA = McpToolNames.of("server", "a".repeat(80));
    String longB = McpToolNames.of("server", "a".repeat(79) + "b");
    assertThat(longA).hasSize(64).matches("[a-zA-Z0-9_-]+").isNotEqualTo(longB);
  }

  @Test
  void callsGoToTheServerUnderTheOriginalNameAndResultsAreCapped() {
    EchoSession server = new EchoSession("memory", "read_graph", "fail_tool");
    AgentTool tool = new McpAgentTool(server, server.tools().get(0), 10);
    ToolOutcome outcome = tool.invoke("{\"q\":\"x\"}");
    assertThat(server.calls).containsExactly("read_graph {q=x}");
    assertThat(outcome.content()).isEqualTo("xxxxxxxxxx\n[output truncated after 10 characters]");
    assertThat(outcome.isError()).isFalse();
    assertThat(new McpAgentTool(server, server.tools().get(1), 100).invoke("{}").isError()).isTrue();
    assertThat(tool.spec().description()).isEqualTo("[memory] does read_graph");
  }
}
